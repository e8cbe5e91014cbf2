// Governors' questions and comments (issue 15, part 5): a governor opens a thread on an item, the
// school's leaders answer (the question is then answered), the body's governors follow up (it is
// open again), and the asker or a leader closes it. Every message and change of status is audited
// in the same transaction; a new thread tells the headteacher, an answer tells the asker.
import type { Db } from '../db/client.ts';
import { appendAudit } from '../audit/audit-repository.ts';
import { recordEvent } from '../notifications/events-repository.ts';
import { questionCan, type QuestionCan } from '../policy/governor-question-policy.ts';
import type { CurrentUser } from '../policy/roles.ts';
import type { SchoolContext } from '../policy/school-policy.ts';
import * as repo from './question-repository.ts';
import type { ThreadItem, ThreadItemType, ThreadKind, ThreadStatus } from './question-repository.ts';

export const MAX_MESSAGE_LENGTH = 5000;

/** The item's name in both languages, for a message about an item that has no title of its own. */
export type ItemNamer = (item: ThreadItem) => { en: string; cy: string };
export type MessageInput = { body: string; language: string };
type Refused = { ok: false; reason: 'not-found' | 'forbidden' };
/** Refused on the page: the form again, with the message kept and a way back to the item. */
type Invalid = { ok: false; reason: 'invalid' | 'closed'; errors: Record<string, string>; link: string };
export type ThreadResult = { ok: true; link: string } | Refused | Invalid;

/** Where the item's page shows its threads. */
export function itemLink(schoolNumber: string, item: Pick<ThreadItem, 'type' | 'id' | 'number'>): string {
  const base = `/schools/${schoolNumber}`;
  const path = {
    plan: `${base}/plan`,
    plan_revision: `${base}/plan/revisions/${item.number}`,
    priority: `${base}/priorities/${item.id}`,
    evidence: `${base}/evidence/${item.id}`,
    finding: `${base}/findings/${item.id}`,
    output: `${base}/outputs/${(item.id.split(':')[1] ?? '').replaceAll('_', '-')}`,
  }[item.type];
  return `${path}#questions`;
}

export function validateBody(body: string): Record<string, string> {
  if (!body) return { body: 'questions.errors.bodyMissing' };
  if (body.length > MAX_MESSAGE_LENGTH) return { body: 'questions.errors.bodyTooLong' };
  return {};
}

/** The item and what this user may do with its threads (and with `thread`, when given). */
async function decide(
  tx: Db,
  user: CurrentUser,
  school: SchoolContext,
  type: ThreadItemType,
  id: string,
  thread: { askedBy: string; status: ThreadStatus } | null,
): Promise<{ item: ThreadItem; can: QuestionCan } | null> {
  const item = await repo.findItem(tx, school.number, type, id);
  if (!item) return null;
  const openToGovernors = await repo.isOpenToGovernors(tx, type, id);
  return { item, can: questionCan(user, school, { openToGovernors }, thread) };
}

/** The message's title params: the item's own title, or its name in both languages. */
function eventParams(
  school: SchoolContext,
  item: ThreadItem,
  named: ItemNamer,
): Record<string, string> & { school: string; title: string } {
  if (item.title) return { school: school.name, title: item.title };
  const name = named(item);
  return { school: school.name, title: name.en, titleCy: name.cy };
}

export async function askQuestion(
  db: Db,
  user: CurrentUser,
  school: SchoolContext,
  input: MessageInput & { itemType: ThreadItemType; itemId: string; kind: ThreadKind },
  now: Date,
  named: ItemNamer,
): Promise<ThreadResult> {
  return db.transaction(async (tx) => {
    const decided = await decide(tx, user, school, input.itemType, input.itemId, null);
    if (!decided || !decided.can.read) return { ok: false as const, reason: 'not-found' as const };
    if (!decided.can.ask) return { ok: false as const, reason: 'forbidden' as const };
    const { item } = decided;
    const errors = validateBody(input.body);
    if (Object.keys(errors).length)
      return { ok: false as const, reason: 'invalid' as const, errors, link: itemLink(school.number, item) };
    const thread = await repo.insertThread(tx, {
      schoolNumber: school.number,
      itemType: item.type,
      itemId: item.id,
      kind: input.kind,
      askedBy: user.id,
      now,
    });
    const message = await repo.insertMessage(tx, {
      threadId: thread.id,
      authorId: user.id,
      side: 'governor',
      body: input.body,
      language: input.language,
      now,
    });
    await appendAudit(tx, {
      actorId: user.id,
      action: 'governor-thread-open',
      entityType: 'governor_thread',
      entityId: thread.id,
      after: {
        itemType: item.type,
        itemId: item.id,
        kind: input.kind,
        status: 'open',
        messageId: message.id,
        body: input.body,
        language: input.language,
      },
    });
    const link = itemLink(school.number, item);
    await recordEvent(tx, {
      kind: 'governor_question_asked',
      actorId: user.id,
      subject: { type: 'governor_thread', id: thread.id },
      link,
      schoolNumber: school.number,
      laCode: school.laCode || null,
      params: eventParams(school, item, named),
    });
    return { ok: true as const, link };
  });
}

/** The thread, locked for the change, with what the reader may do on its item; null when they may not read it. */
async function readableThread(tx: Db, user: CurrentUser, school: SchoolContext, threadId: string) {
  const thread = await repo.findThread(tx, school.number, threadId, true);
  if (!thread) return null;
  const decided = await decide(tx, user, school, thread.itemType as ThreadItemType, thread.itemId, {
    askedBy: thread.askedBy,
    status: thread.status as ThreadStatus,
  });
  return decided?.can.read ? { thread, decided } : null;
}

/** A message in a thread: a leader's answers it, a governor's follows it up. */
export async function addMessage(
  db: Db,
  user: CurrentUser,
  school: SchoolContext,
  threadId: string,
  input: MessageInput,
  now: Date,
  named: ItemNamer,
): Promise<ThreadResult> {
  return db.transaction(async (tx) => {
    const found = await readableThread(tx, user, school, threadId);
    if (!found) return { ok: false as const, reason: 'not-found' as const };
    const { thread, decided } = found;
    const { item, can } = decided;
    const link = itemLink(school.number, item);
    if (thread.status === 'closed')
      return { ok: false as const, reason: 'closed' as const, errors: { body: 'questions.isClosed' }, link };
    if (!can.answer && !can.reply) return { ok: false as const, reason: 'forbidden' as const };
    const errors = validateBody(input.body);
    if (Object.keys(errors).length) return { ok: false as const, reason: 'invalid' as const, errors, link };
    const side = can.answer ? 'school' : 'governor';
    const message = await repo.insertMessage(tx, {
      threadId,
      authorId: user.id,
      side,
      body: input.body,
      language: input.language,
      now,
    });
    await appendAudit(tx, {
      actorId: user.id,
      action: 'governor-thread-message',
      entityType: 'governor_thread',
      entityId: threadId,
      after: { messageId: message.id, side, body: input.body, language: input.language },
    });
    // The school's answer answers it; a governor's follow-up waits for the school again.
    const status: ThreadStatus = side === 'school' ? 'answered' : 'open';
    await changeStatus(tx, user.id, threadId, thread.status as ThreadStatus, status, now);
    if (side === 'school' && thread.askedBy !== user.id)
      await recordEvent(tx, {
        kind: 'governor_question_answered',
        actorId: user.id,
        subject: { type: 'governor_thread', id: threadId },
        link,
        schoolNumber: school.number,
        laCode: school.laCode || null,
        audience: [thread.askedBy],
        params: eventParams(school, item, named),
      });
    return { ok: true as const, link };
  });
}

/** The asker or a leader closes a thread: it takes no more messages. */
export async function closeThread(
  db: Db,
  user: CurrentUser,
  school: SchoolContext,
  threadId: string,
  now: Date,
): Promise<ThreadResult> {
  return db.transaction(async (tx) => {
    const found = await readableThread(tx, user, school, threadId);
    if (!found) return { ok: false as const, reason: 'not-found' as const };
    const { thread, decided } = found;
    const link = itemLink(school.number, decided.item);
    // Closing what is already closed changes nothing: back to the item, where it shows as closed.
    if (thread.status === 'closed') return { ok: true as const, link };
    if (!decided.can.close) return { ok: false as const, reason: 'forbidden' as const };
    await changeStatus(tx, user.id, threadId, thread.status as ThreadStatus, 'closed', now);
    return { ok: true as const, link };
  });
}

async function changeStatus(tx: Db, actorId: string, id: string, from: ThreadStatus, to: ThreadStatus, now: Date) {
  if (from === to) return;
  await repo.setStatus(tx, id, to, now);
  await appendAudit(tx, {
    actorId,
    action: 'governor-thread-status',
    entityType: 'governor_thread',
    entityId: id,
    before: { status: from },
    after: { status: to },
  });
}
