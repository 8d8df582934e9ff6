// Cue words of Spanish, Portuguese, French, German and Russian are matched by their Snowball stem
// in the cue's language (core/snowball.ts): a cue finds its inflected forms, the document index
// finds the same places as a plain scan, and a word that only looks alike does not match.
import { strict as assert } from 'node:assert';
import { CueIndex } from '../../server/src/analysis/cueIndex';
import { cachedStems, stemIn } from '../../server/src/core/snowball';
import { tokenize } from '../../server/src/core/tokens';
import { compileCue } from '../../server/src/framework/compile';
import { phraseIn } from '../../server/src/framework/cueMatch';

function matches(cue: string, language: string, text: string): boolean {
  const compiled = compileCue(cue, language, undefined);
  const tokens = tokenize(text);
  const scanned = phraseIn(compiled.tokens, tokens);
  const indexed = new CueIndex([tokens]).first(compiled) !== undefined;
  assert.equal(indexed, scanned, `index and scan disagree on "${cue}" in "${text}"`);
  return scanned;
}

describe('Snowball stemming of cue words', () => {
  it('stems a folded word in its language and caches nothing wrong across languages', () => {
    assert.equal(stemIn('metricas', 'es'), 'metric');
    assert.equal(stemIn('метрикой', 'ru'), 'метрик');
    assert.equal(stemIn('metricas', 'en'), 'metricas'); // English keeps Porter (tokens.ts)
  });

  it('keeps at most about 50,000 stems per language however many new words come', () => {
    for (let i = 0; i < 60_000; i++) stemIn(`palabra${i.toString(36)}s`, 'es');
    assert.ok(cachedStems() <= 5 * 50_001, `${cachedStems()} stems kept`);
    assert.equal(stemIn('metricas', 'es'), 'metric');
  });

  it('Spanish: "métrica" finds "métricas" and "Métricas"; "datos" finds "dato"', () => {
    assert.ok(matches('métrica', 'es', 'Las métricas offline'));
    assert.ok(matches('métricas offline', 'es', 'Métrica offline: NDCG'));
    assert.ok(matches('datos', 'es', 'cada dato etiquetado'));
  });

  it('Spanish: a false friend does not match ("objetivo" is not "objeto")', () => {
    assert.ok(!matches('objetivo', 'es', 'el objeto detectado'));
  });

  it('Latin: an English word with the stem of a cue is not its form ("reserved", "reservas")', () => {
    // Both stem to "reserv" in Spanish; "-ed" is no Spanish ending.
    assert.equal(stemIn('reserved', 'es'), stemIn('reservas', 'es'));
    assert.ok(!matches('reservas', 'es', 'Seats are reserved'));
    assert.ok(matches('reservas', 'es', 'Aumentar las reservas'));
    assert.ok(matches('reservas', 'es', 'cada reserva'));
    assert.ok(matches('maximizar', 'es', 'maximizando los ingresos'));
    assert.ok(!matches('objectif', 'fr', 'objects in the frame'));
    assert.ok(!matches('Daten', 'de', 'the data'));
    // The word as written or its plural still matches where the stemmer keeps the ending.
    assert.ok(matches('transformer', 'es', 'dos transformers'));
  });

  it('Portuguese: "dados" finds "dado"; "métricas" finds "métrica"', () => {
    assert.ok(matches('dados', 'pt', 'cada dado rotulado'));
    assert.ok(matches('métricas', 'pt', 'a métrica principal'));
    assert.ok(!matches('dados', 'pt', 'um dedo'));
  });

  it('French: "données" finds "donnée"; "objectif" finds "objectifs"', () => {
    assert.ok(matches('données', 'fr', 'chaque donnée annotée'));
    assert.ok(matches('objectif', 'fr', 'Objectifs du projet'));
    assert.ok(!matches('données', 'fr', 'il a donné'));
  });

  it('German: "Metrik" finds "Metriken"; a short word by its stem, compounds still by substring', () => {
    assert.ok(matches('Metrik', 'de', 'Die Metriken offline'));
    assert.ok(matches('Daten', 'de', 'die Daten des Projekts'));
    assert.ok(!matches('Metrik', 'de', 'die Metro'));
  });

  it('Russian: "метрика" finds "метрики" and "метрикой"; "выборка" is not "выбор"', () => {
    assert.ok(matches('метрика', 'ru', 'основные метрики'));
    assert.ok(matches('метрика', 'ru', 'с этой метрикой'));
    assert.ok(!matches('выборка', 'ru', 'выбор модели'));
  });

  it('Russian: a genitive plural with a fleeting vowel matches ("задержка", "задержек")', () => {
    assert.ok(matches('задержка', 'ru', 'без задержек'));
    assert.ok(matches('метка', 'ru', 'нет меток'));
    assert.ok(!matches('метка', 'ru', 'метод'));
  });

  it('Russian: a case ending the stemmer cuts elsewhere, and a cue written as a stem', () => {
    assert.equal(stemIn('систему', 'ru'), 'сист'); // "-ему" taken for an adjective's ending
    assert.ok(matches('системы', 'ru', 'в систему'));
    assert.ok(matches('время', 'ru', 'времени ответа'));
    assert.ok(matches('одинаков', 'ru', 'считаются одинаково'));
    assert.ok(!matches('в', 'ru', 'все'));
  });

  it('Russian: a noun in "-ость" matches its own forms, not the adjective', () => {
    assert.ok(matches('доступность', 'ru', 'высокой доступности'));
    assert.ok(!matches('доступность', 'ru', 'из доступных данных'));
  });
});
