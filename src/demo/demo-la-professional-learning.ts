import type { Db } from '../db/client.ts';
import type { DemoLaContext } from './demo-la-context.ts';
import { insertProfessionalLearning } from './demo-professional-learning-repository.ts';

const REQUIRED = 'facilitating_collaborative_improvement';

/**
 * Who has completed which national programme in Cardiff and Swansea, so that each LA's page shows
 * every kind of result: in Cardiff the improvement partner has completed the national programme and
 * the officer has not (a staff gap), Bro Edern and Glantaf have a senior leader who has, Plasmawr's
 * head has not ("none has completed"), the other secondaries have no account ("no senior leader
 * recorded"), the Bro Edern cluster is met through the demo school's head and the north-east primary
 * collaborative is a gap; in Swansea both staff have completed it, the Pontarddulais cluster is met
 * through its lead, and Bryn Tawe is a gap. Other programmes fill the records list.
 */
export async function loadDemoProfessionalLearning(db: Db, ctx: DemoLaContext): Promise<void> {
  const p = ctx.c.people;
  const daysAgo = (days: number) => new Date(ctx.now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const cardiff = p('officer');
  const swansea = p('emyr');
  const row = (userId: string, programmeCode: string, days: number, recordedBy: string) => ({
    userId,
    programmeCode,
    completedOn: daysAgo(days),
    recordedBy,
  });
  await insertProfessionalLearning.records(db, [
    // Cardiff (681)
    row(p('partner'), REQUIRED, 210, cardiff),
    row(p('partner'), 'peer_enquiry', 120, cardiff),
    row(p('ioan'), REQUIRED, 180, cardiff),
    row(p('meinir'), REQUIRED, 150, cardiff),
    row(p('rhys'), 'self_evaluation', 95, cardiff),
    row(ctx.headteacher, REQUIRED, 160, cardiff),
    row(ctx.headteacher, 'peer_enquiry', 60, ctx.headteacher),
    row(p('lead'), 'peer_enquiry', 75, cardiff),
    row(p('sarah'), 'self_evaluation', 140, cardiff),
    row(p('priya'), 'middle_leadership', 400, cardiff),
    row(p('bethan'), 'middle_leadership', 45, cardiff),
    // Swansea (670)
    row(swansea, REQUIRED, 240, swansea),
    row(p('owain'), REQUIRED, 230, swansea),
    row(p('owain'), 'peer_enquiry', 90, swansea),
    row(p('mark'), REQUIRED, 200, swansea),
    row(p('helen'), 'peer_enquiry', 110, swansea),
    row(p('angharad'), 'self_evaluation', 130, swansea),
    row(p('tom'), 'middle_leadership', 70, swansea),
    row(p('geraint'), 'self_evaluation', 55, swansea),
  ]);
}
