/**
 * The reciprocity network as geometry for a server-rendered SVG (docs/ARCHITECTURE.md section 6): schools
 * as labelled points on a circle, in the order given (by name), and a curved arrow for each link
 * from the visiting or supporting school to the school it visited or supported. Pure, so the
 * template only draws what this returns.
 */
export type NetworkNode = { id: string; label: string; alone: boolean };
export type NetworkLink = { source: string; target: string; kind: 'visit' | 'support'; count: number };

export const NODE_RADIUS = 6;
const LABEL_GAP = 10;
const LABEL_ROOM = 230;
/** Up to this many schools, labels are level; beyond, they would overlap at the top and bottom. */
export const LEVEL_LABELS = 12;
const MAX_LABEL = 26;
const round = (n: number) => Math.round(n * 10) / 10;
/** An angle in degrees within [-180, 180). */
const normalise = (degrees: number) => ((((degrees + 180) % 360) + 360) % 360) - 180;

/** A name short enough to sit beside the circle; the full name stays in the node's title. */
export function shortLabel(label: string, max = MAX_LABEL): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

export function layoutNetwork(nodes: readonly NetworkNode[], links: readonly NetworkLink[]) {
  const n = nodes.length;
  // About 20px of arc a school (a label is 12px high), never smaller than a readable ring.
  const radius = Math.max(150, Math.ceil((n * 20) / (2 * Math.PI)));
  const level = n <= LEVEL_LABELS;
  // Level labels need room beside the ring but only a line above and below it.
  const width = 2 * (radius + LABEL_ROOM);
  const height = 2 * (radius + (level ? 36 : LABEL_ROOM));
  const centre = width / 2;
  const middle = height / 2;
  const placed = nodes.map((node, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    // A few schools: labels sit level beside their point. Many: they run outwards along the radius,
    // so neighbours never overlap, turned round on the left half to read left to right.
    const degrees = (angle * 180) / Math.PI;
    const right = level ? cos > 0.3 : cos >= -1e-9;
    const anchor = level && Math.abs(cos) <= 0.3 ? 'middle' : right ? 'start' : 'end';
    const gap = LABEL_GAP + (anchor === 'middle' ? 8 : 0);
    const labelX = round(centre + (radius + gap) * cos);
    const labelY = round(middle + (radius + gap) * sin);
    return {
      ...node,
      shortLabel: shortLabel(node.label),
      x: round(centre + radius * cos),
      y: round(middle + radius * sin),
      labelX,
      labelY,
      anchor,
      rotate: level ? '' : `rotate(${round(normalise(right ? degrees : degrees + 180))} ${labelX} ${labelY})`,
    };
  });
  const at = new Map(placed.map((p) => [p.id, p]));
  const drawn = links.flatMap((link) => {
    const from = at.get(link.source);
    const to = at.get(link.target);
    if (!from || !to || from === to) return [];
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const length = Math.hypot(dx, dy);
    const [ux, uy] = [dx / length, dy / length];
    // Bend to the left of the direction of travel, so A->B and B->A part, and support bends further than a visit.
    const bend = length * (link.kind === 'visit' ? 0.12 : 0.24);
    const [cx, cy] = [(from.x + to.x) / 2 - uy * bend, (from.y + to.y) / 2 + ux * bend];
    const start = towards(from, cx, cy, NODE_RADIUS + 2);
    const end = towards(to, cx, cy, NODE_RADIUS + 3);
    return [
      {
        ...link,
        sourceLabel: from.label,
        targetLabel: to.label,
        path: `M${start.x},${start.y} Q${round(cx)},${round(cy)} ${end.x},${end.y}`,
        width: round(1.5 + Math.min(link.count - 1, 4) * 0.75),
      },
    ];
  });
  return { width, height, radius, centre, middle, nodes: placed, links: drawn };
}

/** A point `distance` from a node along the way to (x, y): where a line leaves or meets it. */
function towards(node: { x: number; y: number }, x: number, y: number, distance: number) {
  const length = Math.hypot(x - node.x, y - node.y) || 1;
  return {
    x: round(node.x + ((x - node.x) / length) * distance),
    y: round(node.y + ((y - node.y) / length) * distance),
  };
}
export type NetworkLayout = ReturnType<typeof layoutNetwork>;
