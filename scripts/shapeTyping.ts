// The shapes run of issue 19, shared by `npm run bench` (scripts/bench.ts) and the probe that looks
// inside it (scripts/serverProbe.ts), so that both type the same edits into the same designs in
// the same order: a warm-up design first (the server's first analysis compiles the framework and
// its code), then each shape at 100 KB and at 1 MB, opened, typed into with the content-line edits
// of seed 2000 + its place in that order, each edit waiting for its diagnostics, and closed.
import { fileUri, type LspTestClient } from '../test/protocol/lspClient';
import { contentLineEdits, DESIGN_SHAPES, generateShapedDesign } from './designGenerator';

export const SHAPE_SIZES = [
  { size: '100 KB', bytes: 100_000 },
  { size: '1 MB', bytes: 1_000_000 },
] as const;

/** One shaped design of the run. */
export interface ShapeDesign {
  shape: string;
  size: string;
  bytes: number;
  text: string;
  uri: string;
}

export interface ShapeTypingHooks {
  /** Which designs to type into (all by default); the others keep their place in the order. */
  include?(shape: string, bytes: number): boolean;
  /** Before the design is opened (the bench lints it with markdownlint here). */
  beforeOpen?(design: ShapeDesign): void;
  /** Right before the open's and each edit's timer starts (collect the bench's own garbage). */
  beforeTimed?(): void;
  /** After the open's diagnostics, before the first edit (the probe may pause here). */
  afterOpen?(design: ShapeDesign): Promise<void> | void;
  /** Before each edit is sent and after its diagnostics arrived (the probe reads counters). */
  beforeEdit?(): void;
  afterEdit?(milliseconds: number): void;
  /** The design's open time and edit times, in the order typed, once it is closed. */
  done(design: ShapeDesign, open: number, edits: number[]): Promise<void> | void;
}

/** Runs the shapes through `client`'s server, `edits` edits per design. */
export async function typeIntoShapes(
  client: LspTestClient,
  edits: number,
  hooks: ShapeTypingHooks,
): Promise<void> {
  const warmUp = fileUri('shape-warm-up.mlsd.md');
  await client.open(warmUp, generateShapedDesign(20_000, 'spread', 2));
  await client.nextPublish(warmUp, 1);
  await client.close(warmUp);
  let index = 0;
  for (const { shape } of DESIGN_SHAPES) {
    for (const { size, bytes } of SHAPE_SIZES) {
      const seed = 2000 + index;
      const uri = fileUri(`shape-${index}.mlsd.md`);
      index++;
      if (hooks.include && !hooks.include(shape, bytes)) continue;
      const design = { shape, size, bytes, text: generateShapedDesign(bytes, shape, 1), uri };
      hooks.beforeOpen?.(design);
      hooks.beforeTimed?.();
      const opened = performance.now();
      await client.open(uri, design.text);
      await client.nextPublish(uri, 1);
      const open = performance.now() - opened;
      await hooks.afterOpen?.(design);
      const samples: number[] = [];
      for (const change of contentLineEdits(design.text, edits, seed)) {
        hooks.beforeTimed?.();
        hooks.beforeEdit?.();
        const sent = performance.now();
        const version = await client.change(uri, [change]);
        await client.nextPublish(uri, version);
        const took = performance.now() - sent;
        samples.push(took);
        hooks.afterEdit?.(took);
      }
      await client.close(uri);
      await hooks.done(design, open, samples);
    }
  }
}
