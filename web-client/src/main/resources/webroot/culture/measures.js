// Which measured value of a row is held against which thresholds (the engine's names, docs/culture-continuum.md),
// so that a row can show each as a small bar with its numbers. A measure is a share (0 to 1), a count, a list
// (counted) or a yes/no; `developing` and `transforming` name the thresholds it must reach for each level, and
// `vars` names thresholds its label quotes. A row that was not judged shows what was missing, whatever its id.
const share = (key, developing, transforming, vars) => ({ key, kind: 'share', developing, transforming, vars });
const count = (key, developing, transforming) => ({ key, kind: 'count', developing, transforming });
const list = (key, developing, transforming) => ({ key, kind: 'list', developing, transforming });
const flag = (key) => ({ key, kind: 'flag' });

const MEASURES = {
  A1: [share('shareOfMeetingsAtDevelopingAgendaShare', 'shareOfMeetings', null, { share: 'agendaShareDeveloping' }),
    share('shareOfMeetingsAtTransformingAgendaShare', null, 'shareOfMeetings', { share: 'agendaShareTransforming' })],
  A2: [share('shareOfMeetingsWithStrategyShare', 'shareOfMeetings'), share('linkedShare', null, 'linkedShare')],
  A3: [share('dataMeetingShare', 'dataMeetingShare'), list('dataTypes', 'dataTypes'),
    share('dataProtocolMeetingShare', null, 'dataProtocolMeetingShare')],
  A4: [share('implicationShare', 'implicationShare'), count('adjustmentsInDataMeetings', null, 'adjustments')],
  A5: [share('sharingMeetingShare', 'sharingMeetingShare'), share('protocolMeetingShare', null, 'protocolMeetingShare'),
    share('presenterShare', null, 'presenterShare')],
  A6: [share('feedbackMeetingShare', 'feedbackMeetingShareDeveloping', 'feedbackMeetingShareTransforming'),
    share('criticalOrProbingShare', null, 'criticalOrProbingShare'), share('giverShare', null, 'giverShare')],
  B1: [],
  B2: [count('agreementsOutlinedOrAdopted', 'agreements'), count('agreementsAdopted', null, 'agreements')],
  B3: [count('equityItemsWithOwner', 'equityItemsWithOwner'), list('analysisLevels', null, 'analysisLevels'),
    count('equityItemsBeyondTeam', null, 'equityItemsBeyondTeam')],
  B4: [count('policyReviews', 'policyReviews'), share('onTimeShare', null, 'onTimeShare')],
  C1: [flag('regular'), share('meanAttendance', 'attendanceDeveloping', 'attendanceTransforming')],
  C2: [share('publishedShare', 'publishedShareDeveloping', 'publishedShareTransforming', { hours: 'hoursAhead' }),
    share('reminderShare', null, 'reminderShare'), share('achievedShare', null, 'achievedShare')],
  C3: [share('normsOrProtocolShare', 'normsOrProtocolShare'), share('normsShare', null, 'normsShare'),
    share('protocolOrDebriefShare', null, 'protocolOrDebriefShare')],
  C4: [flag('leadOnRoster'), share('discussedShare', 'discussedShare'), flag('leaderSelectionRecorded'),
    share('structuredWithGoalShare', null, 'structuredWithGoalShare')],
  C5: [share('ownedShare', 'ownedShare'), share('claimedShare', 'claimedShare'), share('impactShare', null, 'impactShare'),
    { key: 'rosterOwnerShare', kind: 'share', transforming: 'rosterOwnerShare',
      value: (m) => (m.rosterSize ? m.rosterOwners / m.rosterSize : null) }],
  C6: [share('rootCauseShare', 'rootCauseShareDeveloping', 'rootCauseShareTransforming')],
};

/** What was missing for a row that could not be judged: the measured values that have a threshold of the same name. */
const missing = (row) => Object.keys(row.thresholds).filter((key) => key in row.measured)
  .map((key) => ({ key, kind: 'count', needed: key }));

/**
 * The row's measures with their values: [{key, kind, value, developing, transforming, needed, vars}], where the
 * thresholds are numbers or null (needed: what a row that was not judged lacks) and vars holds the quoted
 * thresholds' values.
 */
export function measuresOf(row) {
  const defs = row.level === 'insufficient' ? missing(row) : (MEASURES[row.id] ?? []);
  return defs.filter((def) => def.value || def.key in row.measured).map((def) => {
    const raw = def.value ? def.value(row.measured) : row.measured[def.key];
    const vars = Object.fromEntries(Object.entries(def.vars ?? {}).map(([name, key]) => [name, row.thresholds[key]]));
    return {
      key: def.key,
      kind: def.kind,
      value: def.kind === 'list' ? raw.length : raw,
      developing: def.developing ? row.thresholds[def.developing] ?? null : null,
      transforming: def.transforming ? row.thresholds[def.transforming] ?? null : null,
      needed: def.needed ? row.thresholds[def.needed] ?? null : null,
      vars,
    };
  });
}
