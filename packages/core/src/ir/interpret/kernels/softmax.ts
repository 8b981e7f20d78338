import { laneKernel, logSoftmaxLane } from './softmax-kit';

export const SoftmaxKernel = laneKernel((lane) => logSoftmaxLane(lane).map(Math.exp));
