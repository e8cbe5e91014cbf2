import { describe, expect, it } from 'vitest';
import { layoutNetwork, NODE_RADIUS, shortLabel, type NetworkNode } from './network-layout.ts';

const nodes = (n: number): NetworkNode[] =>
  Array.from({ length: n }, (_, i) => ({ id: String(i), label: `School ${i}`, alone: false }));
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('layoutNetwork', () => {
  it('puts every school on one circle, the first at the top, in the order given, labels level for a few', () => {
    const layout = layoutNetwork(nodes(4), []);
    const centre = { x: layout.centre, y: layout.middle };
    for (const node of layout.nodes) expect(distance(node, centre)).toBeCloseTo(layout.radius, 0);
    expect(layout.nodes[0]).toMatchObject({ x: layout.centre, anchor: 'middle', rotate: '' });
    expect(layout.nodes[0]!.y).toBeLessThan(layout.middle);
    expect(layout.nodes[0]!.labelY).toBeLessThan(layout.nodes[0]!.y);
    expect(layout.nodes[1]!.anchor).toBe('start');
    expect(layout.nodes[3]!.anchor).toBe('end');
  });

  it('turns labels along the radius for many schools, the left half read left to right', () => {
    const layout = layoutNetwork(nodes(20), []);
    expect(layout.nodes[0]).toMatchObject({
      anchor: 'start',
      rotate: `rotate(-90 ${layout.nodes[0]!.labelX} ${layout.nodes[0]!.labelY})`,
    });
    expect(layout.nodes[5]).toMatchObject({
      anchor: 'start',
      rotate: `rotate(0 ${layout.nodes[5]!.labelX} ${layout.nodes[5]!.labelY})`,
    });
    expect(layout.nodes[15]).toMatchObject({
      anchor: 'end',
      rotate: `rotate(0 ${layout.nodes[15]!.labelX} ${layout.nodes[15]!.labelY})`,
    });
  });

  it('keeps 30 or more schools apart, with their labels inside the picture', () => {
    for (const n of [30, 60]) {
      const layout = layoutNetwork(nodes(n), []);
      const [first, second] = layout.nodes;
      expect(distance(first!, second!)).toBeGreaterThanOrEqual(18);
      for (const node of layout.nodes) {
        expect(node.labelX).toBeGreaterThanOrEqual(0);
        expect(node.labelX).toBeLessThanOrEqual(layout.width);
        expect(node.labelY).toBeLessThanOrEqual(layout.height);
        expect(node.labelY).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('draws a link from the visitor to the host, stopping short of both points, and parts the two directions', () => {
    const layout = layoutNetwork(nodes(4), [
      { source: '0', target: '2', kind: 'visit', count: 1 },
      { source: '2', target: '0', kind: 'visit', count: 3 },
    ]);
    const [there, back] = layout.links;
    const start = there!.path
      .match(/^M([\d.]+),([\d.]+)/)!
      .slice(1)
      .map(Number);
    const end = there!.path
      .match(/ ([\d.]+),([\d.]+)$/)!
      .slice(1)
      .map(Number);
    expect(distance({ x: start[0]!, y: start[1]! }, layout.nodes[0]!)).toBeCloseTo(NODE_RADIUS + 2, 0);
    expect(distance({ x: end[0]!, y: end[1]! }, layout.nodes[2]!)).toBeCloseTo(NODE_RADIUS + 3, 0);
    const control = (path: string) =>
      path
        .match(/Q([\d.]+),([\d.]+)/)!
        .slice(1)
        .map(Number);
    expect(control(there!.path)).not.toEqual(control(back!.path));
    expect(back!.width).toBeGreaterThan(there!.width);
    expect(there).toMatchObject({ sourceLabel: 'School 0', targetLabel: 'School 2' });
  });

  it('leaves out links to schools not in the picture, and a school linked to itself', () => {
    const layout = layoutNetwork(nodes(3), [
      { source: '0', target: '9', kind: 'support', count: 1 },
      { source: '1', target: '1', kind: 'visit', count: 1 },
    ]);
    expect(layout.links).toEqual([]);
  });

  it('copes with no schools and one school', () => {
    expect(layoutNetwork([], []).nodes).toEqual([]);
    expect(layoutNetwork(nodes(1), []).nodes).toHaveLength(1);
  });
});

describe('shortLabel', () => {
  it('shortens long names with an ellipsis and keeps short ones', () => {
    expect(shortLabel('Ysgol Gymraeg Bro Morgannwg a Chanolfan Iaith', 20)).toBe('Ysgol Gymraeg Bro M…');
    expect(shortLabel('Ysgol Afon')).toBe('Ysgol Afon');
  });
});
