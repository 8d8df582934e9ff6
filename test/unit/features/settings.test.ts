import { strict as assert } from 'node:assert';
import { isDesignPath } from '../../../server/src/designFiles';
import { validateSettings } from '../../../server/src/settings';
import { templates } from '../../../server/src/features/templates';
import { builtInRegistry } from '../../../server/src/framework/registry';
import { analyse } from '../../helpers/analyse';

describe('settings and design files', () => {
  it('keeps good settings and names each bad one, using the default instead', () => {
    const { settings, problems } = validateSettings({
      enable: 'yes',
      run: 'sometimes',
      debounceMs: -5,
      files: '*.md',
      rules: { 'thin-step': 'off', MLSD006: 'loud', bogus: 'error' },
      framework: 'Not An Id',
      checkWorkspace: 'often',
    });
    assert.deepEqual(settings, {
      enable: true,
      framework: 'aminian-7',
      files: [],
      run: 'onType',
      debounceMs: 200,
      rules: { MLSD005: 'off' },
      checkWorkspace: true,
    });
    assert.equal(problems.length, 8);
    assert.ok(problems.some((p) => p.includes('mlsd.framework')));
    assert.equal(validateSettings({ framework: 'nine-step' }).settings.framework, 'nine-step');
    assert.ok(problems.some((p) => p.includes('mlsd.checkWorkspace')));
    assert.ok(problems.some((p) => p.includes('mlsd.run')));
    assert.ok(problems.some((p) => p.includes('Unknown rule "bogus"')));
  });

  it('treats *.mlsd.md and the configured globs as designs, and nothing else', () => {
    assert.ok(isDesignPath('/home/u/designs/feed.mlsd.md'));
    assert.ok(isDesignPath('C:\\Users\\u\\feed.MLSD.md'));
    assert.ok(!isDesignPath('/home/u/notes.md'));
    assert.ok(isDesignPath('/home/u/interviews/feed.md', ['**/interviews/*.md']));
    assert.ok(!isDesignPath('/home/u/other/feed.md', ['**/interviews/*.md']));
    assert.ok(
      isDesignPath('/home/u/interviews/feed.md', ['interviews/*.md']),
      'a relative glob matches anywhere',
    );
    assert.ok(!isDesignPath('/home/u/x.md', ['[']), 'a broken glob matches nothing');
  });

  it('builds a new-design template per case study whose only step findings are empty steps', () => {
    const list = templates(builtInRegistry());
    // The book's blank design, its 10 case studies, and a blank design of each other framework.
    assert.equal(list.length, 13);
    assert.deepEqual(
      list.slice(11).map((t) => t.id),
      ['framework:genai-7', 'framework:nine-step'],
    );
    for (const template of list) {
      const analysis = analyse(template.content);
      assert.equal(
        analysis.steps.filter((s) => s.section).length,
        analysis.framework.steps.length,
        template.id,
      );
      if (template.id.startsWith('framework:'))
        assert.equal(analysis.framework.id, template.id.slice('framework:'.length));
      const kinds = new Set(analysis.findings.map((f) => f.rule.id));
      assert.deepEqual([...kinds].sort(), ['MLSD004', 'MLSD007'], `${template.id}: ${[...kinds]}`);
      if (template.id !== 'blank' && !template.id.startsWith('framework:'))
        assert.equal(analysis.caseStudy?.id, template.id);
    }
  });
});
