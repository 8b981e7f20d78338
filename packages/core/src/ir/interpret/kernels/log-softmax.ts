import { laneKernel, logSoftmaxLane } from './softmax-kit';

export const LogSoftmaxKernel = laneKernel(logSoftmaxLane);
