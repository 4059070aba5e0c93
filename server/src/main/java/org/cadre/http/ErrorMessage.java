package org.cadre.http;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Every message an {@link ApiException} can carry: each constant is a key of {@code errors.properties} (English,
 * the default) and {@code errors_es.properties} (Spanish), whose texts name their arguments {@code {0}},
 * {@code {1}}, ... An argument that is itself an {@code ErrorMessage} (a noun such as {@link #NOUN_NORM}) is
 * rendered in the same language; any other is shown as given. {@code ErrorMessagesTest} fails when a constant is
 * missing from a bundle, is not translated, or the Spanish text uses other arguments than the English one.
 */
public enum ErrorMessage {
  // Requests, bodies and their fields (http)
  UNAUTHENTICATED,
  PATH_MALFORMED,
  QUERY_MALFORMED,
  REQUEST_MALFORMED,
  REQUEST_FAILED,
  NOT_ALLOWED,
  METHOD_NOT_ALLOWED,
  FOREIGN_ORIGIN,
  INTERNAL,
  UNAVAILABLE,
  BODY_REQUIRED,
  BODY_NOT_OBJECT,
  BODY_NOT_JSON_TYPE,
  BODY_TOO_LARGE,
  FIELD_UNKNOWN,
  FIELD_UNKNOWN_IN,
  FIELD_REQUIRED,
  FIELD_REQUIRED_ONE_OF,
  FIELD_NOT_NULL,
  FIELD_OBJECT,
  FIELD_ARRAY,
  FIELD_MAX_ENTRIES,
  FIELD_ENTRY_OBJECT,
  FIELD_STRING,
  FIELD_STRINGS,
  FIELD_CONTROL,
  FIELD_BLANK,
  FIELD_MIN_LENGTH,
  FIELD_MAX_LENGTH,
  FIELD_LENGTH_RANGE,
  FIELD_BOOLEAN,
  FIELD_ONE_OF,
  FIELD_ONE_OF_NOT,
  FIELD_MUST_BE,
  FIELD_ID,
  FIELD_WHOLE_NUMBER,
  FIELD_NON_NEGATIVE,
  FIELD_DAYS,
  FIELD_DATE,
  FIELD_INSTANT,
  FIELD_FUTURE,
  FIELD_WITHIN_DAYS,
  FIELD_EMAIL,
  FIELD_LINK,
  FIELD_TIME_ZONE,
  SEND_ONE_OF,
  NOT_FOUND_RESOURCE,

  // Accounts and sign-in (account)
  INVALID_TOKEN,
  INVALID_CREDENTIALS,
  WRONG_PASSWORD,
  TOO_MANY_ATTEMPTS,
  EMAIL_TAKEN,
  NOT_FOUND_TOKEN,
  NOT_FOUND_PROVIDER,
  RESET_LINK_INVALID,
  TOO_MANY_RESETS,

  // Email (notify)
  MAIL_OFF,
  UNSUBSCRIBE_INVALID,

  // Spaces, members and invitations (space)
  NOT_FOUND_SPACE,
  NOT_FOUND_MEMBER,
  NOT_FOUND_INVITATION,
  NOT_FOUND_CALENDAR_FEED,
  NEEDS_ACCESS,
  ARCHIVED,
  ADMINS_CREATE_NETWORKS,
  ROOT_NETWORK,
  KIND_BELOW,
  KIND_CANNOT_HOLD,
  TEAMS_ONLY,
  ROLLUP_NOT_SHARED,
  ROLLUP_OF_TEAM,
  SEND_NAME,
  NO_ACCOUNT_EMAIL,
  NO_ACCOUNT_ID,
  LAST_LEAD,
  INVITATION_REVOKED,
  INVITATION_EXPIRED,
  INVITATION_USED_UP,
  IDEMPOTENCY_MISMATCH,

  // Bus commands (realtime)
  RATE_LIMITED,
  COMMAND_NOT_OBJECT,
  UNKNOWN_COMMAND,
  NO_COMMAND,
  COMMAND_SPACE_ID,
  COMMAND_SPACE_NEEDED,
  COMMAND_NEEDS_ACCESS,
  COMMAND_ID_SHAPE,
  IDEMPOTENCY_DIFFER,
  SOCKJS_NO_BODY,
  SOCKJS_SHAPE,

  // Board items (board, charter, action, meeting, team)
  ENTITY_NOT_FOUND,
  ENTITY_DELETED,
  NOUN_NORM,
  NOUN_GOAL,
  NOUN_AGREEMENT,
  NOUN_AGREEMENT_REVIEW,
  NOUN_MEETING,
  NOUN_AGENDA_ITEM,
  NOUN_DECISION,
  NOUN_FEEDBACK,
  NOUN_PROTOCOL_RUN,
  NOUN_EQUITY_ANALYSIS,
  NOUN_ACTION_ITEM,
  NOUN_CALENDAR_FEEDS,
  NOTHING_TO_CHANGE,
  MERGE_TOO_LONG,
  EDIT_CONFLICT,
  REFERENCE_UNKNOWN,
  NOT_A_MEMBER,
  SAME_LIST,
  TAG_SHAPE,
  ARTIFACTS_MAX,
  ARTIFACT_SHAPE,
  NORM_RETIRED,
  AGREEMENT_BACKWARD,
  ASSIGN_LEAD_ONLY,
  RELEASE_OWNER_ONLY,
  ALREADY_CLAIMED,
  OWNER_REQUIRED,
  ACTION_MEETING_NEEDED,
  ACTION_ITEM_OF_MEETING,
  MEETING_ENDS_BEFORE,
  MEETING_START_NEEDED,
  LOCAL_START_SHAPE,
  LOCAL_START_GAP,
  AGENDA_ALREADY_PUBLISHED,
  REMINDER_ALREADY_SENT,
  CHECK_IN_NOT_OPEN,
  MEETING_CANCELLED_ATTENDANCE,
  REASON_NEEDED,
  ATTENDEE_UNKNOWN,
  STEPS_MAX,
  ITEM_OF_MEETING,
  MEETING_ALREADY,
  FACILITATOR_ONLY,
  LEADER_METHOD,

  // Team histories (history)
  HISTORY_BODY,
  HISTORY_NOT_JSON,
  HISTORY_NOT_OBJECT,
  DUPLICATE_MEMBER,
  DUPLICATE_ATTENDANCE,
  DUPLICATE_ID,
  ENDS_BEFORE_STARTS,
  STEPS_EXCEED,
  ITEM_OF_OTHER_MEETING,
  REFERENCE_NOT_IN_DOCUMENT,

  // Discussion protocols (protocol)
  NOT_FOUND_PROTOCOL,
  NOT_FOUND_PROTOCOL_VERSION,
  PROTOCOL_ARCHIVED,
  PROTOCOL_BUILT_IN,
  PROTOCOL_MINUTES_ORDER,
  PROTOCOL_NO_STEPS,
  // The live protocol runner (meeting)
  RUN_DRIVER_ONLY,
  RUN_IN_PROGRESS,
  RUN_FIRST_STEP,
  RUN_PAUSED,
  RUN_NOT_PAUSED,
  RUN_IN_DEBRIEF,
  RUN_NOT_IN_DEBRIEF,
  RUN_FINISHED,
  RUN_EXTEND_MAX,
  RUN_ROLE_UNKNOWN,
  RUN_STEP_UNKNOWN;

  private static final String BUNDLE = "org.cadre.http.errors";
  private static final Map<Language, ResourceBundle> BUNDLES = Map.of(
    Language.EN, bundle(Locale.ROOT),
    Language.ES, bundle(Language.ES.locale()));

  private static ResourceBundle bundle(Locale locale) {
    // No fallback to the JVM's default locale: a key missing in Spanish falls back to English, nothing else.
    return ResourceBundle.getBundle(BUNDLE, locale,
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The text of this message in a language, with its arguments filled in. */
  public String render(Language language, Object... args) {
    String pattern = BUNDLES.get(language == null ? Language.EN : language).getString(name());
    StringBuilder out = new StringBuilder(pattern.length() + 32);
    int at = 0;
    for (int open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', at)) {
      int close = pattern.indexOf('}', open);
      Integer index = close < 0 ? null : argument(pattern.substring(open + 1, close));
      if (index == null || index >= args.length) {
        out.append(pattern, at, open + 1);
        at = open + 1;
        continue;
      }
      Object arg = args[index];
      out.append(pattern, at, open).append(arg instanceof ErrorMessage noun ? noun.render(language) : String.valueOf(arg));
      at = close + 1;
    }
    return out.append(pattern, at, pattern.length()).toString();
  }

  private static Integer argument(String text) {
    return text.matches("[0-9]") ? Integer.valueOf(text) : null;
  }
}
