import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appDb, buildApp } from '../server/app.ts';
import { SYSTEM_ACTOR, insertPlace } from '../server/kernel/access/index.ts';
import { createAccount } from '../server/kernel/auth/accounts.ts';
import { createSession } from '../server/kernel/auth/sessions.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { ManualClock } from '../server/kernel/clock.ts';
import { loadConfig } from '../server/kernel/config.ts';
import { type Ctx, write } from '../server/kernel/context.ts';
import { newId } from '../server/kernel/ids.ts';
import { createTask } from '../server/modules/volunteers/use-cases/tasks-create.ts';
import { HOST } from './util.ts';

/**
 * 任务抢单 under load, on the embedded default: 500 approved volunteers, each with a session, grab 50 open tasks all
 * at once (volunteer i asks for task i mod 50: ten contenders per task), over HTTP against a real server on 127.0.0.1.
 * The one conditional update per grab must make exactly one winner per task: winners = tasks, or the bench fails. The
 * baseline, in the same run, is the same 500 grabs of 50 fresh tasks sent one at a time. The load runs in the server's
 * process, so its own cost is in the figures. Bounded: 4 minutes at most.
 * Last line: `volunteer grabs: 500 concurrent over 50 tasks — N grabs/s (one at a time: M grabs/s), winners 50 = tasks 50`.
 */
const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 500);
const TASKS = Number(process.env.BENCH_TASKS ?? 50);
const LIMIT_MS = 4 * 60_000;
const limit = setTimeout(() => {
  process.stderr.write(`volunteer-grabs: not done within ${LIMIT_MS / 1000} s\n`);
  process.exit(1);
}, LIMIT_MS);
limit.unref();

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-grabs-'));
const config = loadConfig({ GZ_DATA_DIR: dataDir, GZ_HOST: HOST, GZ_PORT: '0', GZ_LOG_LEVEL: 'silent' });
const clock = new ManualClock(Date.now());
const kernel = await bootKernel(config, clock);
const system: Ctx = { kernel, actor: SYSTEM_ACTOR };

try {
  const started = Date.now();
  // ——— a compound with VOLUNTEERS residents, each an approved volunteer with an account and a session ———
  const { streetId, compoundId, volunteers } = await write(system, async (tx) => {
    const street = await insertPlace(tx, { parent: null, kind: 'street', name: '压测街道' });
    const community = await insertPlace(tx, { parent: street, kind: 'community', name: '压测社区' });
    const compound = await insertPlace(tx, { parent: community, kind: 'compound', name: '压测小区' });
    await tx.insertInto('reg_compounds' as never).values({ street_id: street.id, place_id: compound.id, management_mode: 'professional' } as never).execute();
    const people = Array.from({ length: VOLUNTEERS }, (_, i) => ({ person: newId(), name: `志愿者${i + 1}`, phone: `135${String(i).padStart(8, '0')}` }));
    for (let i = 0; i < people.length; i += 500) {
      const chunk = people.slice(i, i + 500);
      await tx.insertInto('reg_persons' as never).values(chunk.map((x) => ({ street_id: street.id, id: x.person, place_id: compound.id, name: x.name, phone_masked: x.phone })) as never).execute();
      await tx
        .insertInto('vol_volunteers' as never)
        .values(chunk.map((x) => ({ street_id: street.id, id: newId(), person_id: x.person, person_name: x.name, place_id: compound.id, status: 'approved' })) as never)
        .execute();
    }
    const volunteers: { token: string; csrf: string }[] = [];
    for (const x of people) {
      const account = await createAccount(tx, kernel.pii, { phone: x.phone, displayName: x.name, password: 'x', passwordHash: 'x', personId: x.person });
      const s = await createSession(tx, account, clock.now());
      volunteers.push({ token: s.token, csrf: s.csrfToken });
    }
    return { streetId: street.id, compoundId: compound.id, volunteers };
  });
  process.stdout.write(`${VOLUNTEERS} volunteers with sessions in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  // Building the app wires the modules' declarations (templates) into the kernel: before any use case.
  const app = await buildApp(kernel, { logger: false });
  await app.listen({ host: HOST, port: 0 });
  const base = `http://${HOST}:${(app.server.address() as { port: number }).port}`;
  const deadline = new Date(clock.now().getTime() + 86_400_000);
  const postTasks = async (round: string) => {
    const ids: string[] = [];
    for (let i = 0; i < TASKS; i++) {
      ids.push((await createTask(system, { placeId: compoundId, title: `${round}任务${i + 1}`, description: '', target: `${(i % 9) + 1}栋`, points: 10, minutes: 30, deadline }, { quiet: true })).id);
    }
    return ids;
  };
  const grab = async (v: { token: string; csrf: string }, taskId: string) => {
    const res = await fetch(`${base}/api/me/volunteers/tasks/${taskId}/grab`, {
      method: 'POST',
      headers: { cookie: `gz_session=${v.token}`, 'x-csrf-token': v.csrf, 'content-type': 'application/json' },
      body: '{}',
    });
    const body = (await res.json()) as { error?: { code: string } };
    if (res.status === 200) return 'won';
    if (res.status === 409 && body.error?.code === 'TASK_ALREADY_TAKEN') return 'taken';
    throw new Error(`grab answered ${res.status} ${JSON.stringify(body)}`);
  };
  const winnersOf = async (ids: string[]) => {
    const rows = await appDb(kernel)
      .selectFrom('vol_tasks')
      .select(['status', 'grabbed_person_id'])
      .where('street_id', '=', streetId)
      .where('id', 'in', ids)
      .execute();
    const audits = await appDb(kernel).selectFrom('audit_log').select('subject_id').where('action', '=', 'volunteers.tasks.grabbed').where('subject_id', 'in', ids).execute();
    return { grabbed: rows.filter((r) => r.status === 'grabbed' && r.grabbed_person_id).length, audits: audits.length };
  };

  // Warm-up: a few grabs of a task nobody counts (JIT, prepared statements, the pool's connections).
  const [warm] = await postTasks('预热');
  await Promise.all(volunteers.slice(0, 20).map((v) => grab(v, warm!)));

  // ——— all at once ———
  const concurrentIds = await postTasks('并发');
  const t0 = performance.now();
  const outcomes = await Promise.all(volunteers.map((v, i) => grab(v, concurrentIds[i % TASKS]!)));
  const concurrentSeconds = (performance.now() - t0) / 1000;
  const answeredWon = outcomes.filter((o) => o === 'won').length;
  const concurrent = await winnersOf(concurrentIds);

  // ——— the baseline: the same grabs, one at a time ———
  const serialIds = await postTasks('逐个');
  const t1 = performance.now();
  let serialWon = 0;
  for (const [i, v] of volunteers.entries()) if ((await grab(v, serialIds[i % TASKS]!)) === 'won') serialWon++;
  const serialSeconds = (performance.now() - t1) / 1000;
  const serial = await winnersOf(serialIds);
  await app.close();

  const rate = (n: number, s: number) => Math.round(n / s);
  process.stdout.write(`concurrent: ${VOLUNTEERS} grabs in ${concurrentSeconds.toFixed(2)} s, ${answeredWon} answered 200, ${concurrent.grabbed} tasks grabbed, ${concurrent.audits} grabs audited\n`);
  process.stdout.write(`one at a time: ${VOLUNTEERS} grabs in ${serialSeconds.toFixed(2)} s, ${serialWon} answered 200, ${serial.grabbed} tasks grabbed\n`);
  const exact = answeredWon === TASKS && concurrent.grabbed === TASKS && concurrent.audits === TASKS && serialWon === TASKS && serial.grabbed === TASKS;
  if (!exact) process.exitCode = 1;
  process.stdout.write(
    `volunteer grabs: ${VOLUNTEERS} concurrent over ${TASKS} tasks — ${rate(VOLUNTEERS, concurrentSeconds)} grabs/s (one at a time: ${rate(VOLUNTEERS, serialSeconds)} grabs/s), winners ${answeredWon} ${exact ? "=" : "≠"} tasks ${TASKS}\n`,
  );
} finally {
  await kernel.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
