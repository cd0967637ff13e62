/**
 * Writing a composed answer (`respond.ts`) to a node:http response: the loopback server's, and the
 * sandbox's front door (which answers in the API's error shapes too).
 */
import type { ServerResponse } from 'node:http';
import { type Answer, type ErrorAnswer, errorAnswer } from './respond.js';

export function writeAnswer(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

export function sendError(res: ServerResponse, e: ErrorAnswer): void {
  writeAnswer(res, errorAnswer(e));
}
