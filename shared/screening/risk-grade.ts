import type { RiskGrade } from '../approval/authority';
import { evaluateCondition } from './conditions';
import type { Facts } from './facts';
import type { GradingParams } from './policy';
import type { Label } from '../domain/label';

export interface GradeExplanation {
  grade: RiskGrade;
  points: number;
  basePoints: number;
  factors: { id: string; label: Label; points: number }[];
  referHits: number;
  referPoints: number;
  minPointsA: number;
  minPointsB: number;
}

/** Risk grade A/B/C from points: base + factors that hold + a deduction per refer hit; thresholds are data. */
export function gradeCase(facts: Facts, referHits: number, p: GradingParams): GradeExplanation {
  const factors = p.factors
    .filter((f) => evaluateCondition(f.when, facts, {}).truth === true)
    .map((f) => ({ id: f.id, label: f.label, points: f.points }));
  const referPoints = referHits * p.pointsPerReferHit;
  const points = p.basePoints + factors.reduce((s, f) => s + f.points, 0) + referPoints;
  const grade: RiskGrade = points >= p.minPointsA ? 'A' : points >= p.minPointsB ? 'B' : 'C';
  return { grade, points, basePoints: p.basePoints, factors, referHits, referPoints, minPointsA: p.minPointsA, minPointsB: p.minPointsB };
}
