package org.cadre.demo;

import org.cadre.history.AgreementKind;
import org.cadre.history.AgreementStatus;
import org.cadre.history.ArtifactType;
import org.cadre.history.DecisionKind;
import org.cadre.history.DecisionMethod;
import org.cadre.history.EquityLevel;
import org.cadre.history.FeedbackKind;
import org.cadre.history.Focus;
import org.cadre.history.ItemKind;
import org.cadre.history.Origin;
import org.cadre.history.ProtocolCategory;
import org.cadre.history.Scope;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who the four demo teams are, how they meet and what they talk about, for {@link TeamReplay} to play out. They
 * differ on purpose, so that the culture continuum places them at different levels:
 * <ul>
 *   <li>Lincoln 9th Grade Pathway Team, designed for transforming on nearly every row: a declared weekly cadence
 *   and about 90% attendance, agendas published days ahead with reminders, norms reviewed every meeting, a data
 *   protocol in most meetings, peer reviews under a tuning protocol with presenters rotating, critical and probing
 *   feedback from everyone, goal-linked decisions by consensus or consent, root-cause action items claimed by their
 *   owners and closed with impact reports, adopted agreements and policies reviewed on cadence with disparity checks,
 *   and equity analyses at all three levels.</li>
 *   <li>Jefferson Health Academy Team, designed for developing: attendance near two thirds, agendas usually but
 *   not always out a day ahead, data looked at in about half the meetings and seldom with a protocol, mostly warm
 *   feedback, decision methods and goal links mixed, some root-cause items and impact reports, policies reviewed now
 *   and then, equity analyses at the personal and institutional levels only.</li>
 *   <li>Lincoln Leadership Team, designed to be mixed and developing overall: it meets every two weeks and runs like
 *   clockwork (C1, C2, C3 and C5 transforming: full attendance, agendas and reminders out ahead, norms and debriefs,
 *   owned and dated items with impact reports; C4 developing, as only some decisions serve a goal), but its time goes
 *   to operations, so strand A stays emerging (little on student outcomes, hardly any data, no protocols, no peer
 *   review or feedback) and its items answer incidents rather than root causes (C6 emerging); strand B developing
 *   (agreements adopted but reviewed less than monthly, one institutional equity analysis).</li>
 *   <li>Jefferson Leadership Team, designed for emerging: an early-morning meeting that is often cancelled (gaps of
 *   three weeks), poor attendance, agendas written on the day and rarely published, announcements rather than
 *   data, decisions made by the principal without discussion or goals, items often without owners or dates, no
 *   feedback, no protocols, one agreement that never got past discussion and no equity work.</li>
 * </ul>
 */
final class DemoTeams {

  private DemoTeams() {
  }

  /** One team: who it is, how it meets, what it commits to, how it habitually behaves and what it talks about. */
  record Plan(String key, long seed, Schedule schedule, Roster roster, Commitments commitments, Habits habits,
              List<Slot> slots, Equity equity, List<Rating> ratings, List<String> impacts) {
  }

  /**
   * A recurring meeting at a local time every {@code everyWeeks} weeks: {@code past} meetings up to now (those in
   * {@code cancelled}, by their index in the series, are called off) and {@code upcoming} ones after it.
   */
  record Schedule(String title, String location, DayOfWeek day, LocalTime time, int minutes, int everyWeeks, int past,
                  int upcoming, Set<Integer> cancelled, List<String> cancelReasons, Integer cadenceDays) {
  }

  /** The lead, everyone else on the roster, who facilitates in turn and how the lead was chosen (null: not recorded). */
  record Roster(String lead, List<String> others, List<String> facilitators, String leaderSelection) {

    List<String> everyone() {
      List<String> all = new ArrayList<>(List.of(lead));
      all.addAll(others);
      return all;
    }
  }

  record Commitments(List<String> norms, List<Goal> goals, List<Agreement> agreements) {
  }

  /** A goal and, when it is revised (null: never), the revision. */
  record Goal(String title, String description, Revision revision) {
  }

  /** At the first meeting held from series index {@code at} on, the goal's description changes for the reason given. */
  record Revision(int at, String description, String why, DecisionMethod method) {
  }

  /**
   * An agreement or policy, created at the start in {@code status}, adopted at the first meeting held from index
   * {@code adoptAt} on (negative: never) and then reviewed every {@code reviewEvery} meetings, each review checking
   * for disparities with the given chance.
   */
  record Agreement(String title, String description, AgreementKind kind, AgreementStatus status, int adoptAt,
                   Integer reviewEveryDays, int reviewEvery, double disparity, DecisionMethod method) {
  }

  /** Chances, between 0 and 1, that describe how the team usually works. */
  record Habits(Attendance attendance, Prep prep, Rituals rituals, Outcomes outcomes, Tasks tasks, Feedback feedback) {
  }

  /** Each person attends on time, late or sends apologies with these chances; the rest are absent. */
  record Attendance(double present, double late, double excused) {
  }

  /** The agenda goes out a day or more ahead, or on the day itself (otherwise never); a reminder goes out. */
  record Prep(double ahead, double sameDay, double reminder) {
  }

  /** Norms are reviewed, a debrief is held, minutes are kept for an item. */
  record Rituals(double norms, double debrief, double minutes) {
  }

  /** An item's outcome is recorded and, if so, is achieved. */
  record Outcomes(double recorded, double achieved) {
  }

  /** An action item gets an owner, that owner claimed it (rather than being assigned), it has a due date, is done, has an impact report. */
  record Tasks(double owned, double claimed, double dated, double done, double impact) {
  }

  /** Feedback is given in a meeting, by up to {@code most} people, and is critical or probing rather than warm. */
  record Feedback(double chance, int most, double probing) {
  }

  /** One place on the agenda, filled with the chance given by the next of its topics in turn. */
  record Slot(double chance, List<Topic> topics) {
  }

  /** An equity analysis every {@code every} held meetings (0: never), at the levels in turn. */
  record Equity(int every, List<EquityLevel> levels, List<String> notes) {
  }

  /** A self-assessment of one continuum row, given after the last meeting held. */
  record Rating(String who, String row, int level, String note) {
  }

  record Artifact(ArtifactType type, String title) {
  }

  /** A protocol a topic is discussed under; {@code builtIn} is the key of the library protocol it is, or null. */
  record Protocol(String name, ProtocolCategory category, int steps, String builtIn) {
  }

  record Decision(String text, DecisionKind kind, DecisionMethod method, boolean discussed) {
  }

  record Task(String title, Origin origin, Scope scope, List<String> tags) {
  }

  /**
   * Something a team puts on its agenda, with what tends to come of it. Built once, fluently, in the plans below;
   * its notes are what the minutes say the first time, the second time and so on.
   */
  static final class Topic {
    private final String title;
    private final int minutes;
    private final Focus focus;
    private final ItemKind kind;
    private final List<Artifact> data = new ArrayList<>();
    private Integer goal;
    private Protocol protocol;
    private boolean presented;
    private List<String> notes = List.of();
    private Decision decision;
    private Task task;

    private Topic(String title, int minutes, Focus focus, ItemKind kind) {
      this.title = title;
      this.minutes = minutes;
      this.focus = focus;
      this.kind = kind;
    }

    String title() {
      return title;
    }

    int minutes() {
      return minutes;
    }

    Focus focus() {
      return focus;
    }

    ItemKind kind() {
      return kind;
    }

    List<Artifact> data() {
      return data;
    }

    Integer goal() {
      return goal;
    }

    Protocol protocol() {
      return protocol;
    }

    boolean presented() {
      return presented;
    }

    List<String> notes() {
      return notes;
    }

    Decision decision() {
      return decision;
    }

    Task task() {
      return task;
    }

    private Topic goal(int index) {
      goal = index;
      return this;
    }

    private Topic data(ArtifactType type, String artifact) {
      data.add(new Artifact(type, artifact));
      return this;
    }

    private Topic protocol(String name, ProtocolCategory category, int steps) {
      protocol = new Protocol(name, category, steps, null);
      return this;
    }

    /** One of the built-in library's protocols: lately run live with the runner, earlier recorded whole. */
    private Topic builtInProtocol(String key, ProtocolCategory category, int steps) {
      protocol = new Protocol(key, category, steps, key);
      return this;
    }

    /** A member brings it and presents it. */
    private Topic withPresenter() {
      presented = true;
      return this;
    }

    private Topic notes(String... variants) {
      notes = List.of(variants);
      return this;
    }

    private Topic decides(DecisionKind kind, DecisionMethod method, String text) {
      decision = new Decision(text, kind, method, true);
      return this;
    }

    /** A decision the lead announces without the team discussing it. */
    private Topic announces(DecisionKind kind, DecisionMethod method, String text) {
      decision = new Decision(text, kind, method, false);
      return this;
    }

    private Topic task(String title, Origin origin, Scope scope, String... tags) {
      task = new Task(title, origin, scope, List.of(tags));
      return this;
    }
  }

  private static Topic data(String title, int minutes) {
    return new Topic(title, minutes, Focus.STUDENT_OUTCOMES, ItemKind.DATA_REVIEW);
  }

  private static Topic peer(String title, int minutes) {
    return new Topic(title, minutes, Focus.STUDENT_OUTCOMES, ItemKind.PEER_REVIEW);
  }

  private static Topic strategy(String title, int minutes) {
    return new Topic(title, minutes, Focus.STUDENT_OUTCOMES, ItemKind.STRATEGY_SHARE);
  }

  private static Topic share(String title, int minutes, Focus focus) {
    return new Topic(title, minutes, focus, ItemKind.SHARE_SUCCESSES_CHALLENGES);
  }

  private static Topic planning(String title, int minutes, Focus focus) {
    return new Topic(title, minutes, focus, ItemKind.PLANNING);
  }

  private static Topic business(String title, int minutes) {
    return new Topic(title, minutes, Focus.BUSINESS, ItemKind.BUSINESS);
  }

  private static Topic other(String title, int minutes) {
    return new Topic(title, minutes, Focus.OTHER, ItemKind.OTHER);
  }

  /** What people say to each other after a presentation, by kind, used in turn. */
  static final Map<FeedbackKind, List<String>> FEEDBACK = Map.of(
    FeedbackKind.WARM, List.of(
      "Bringing the students' own work made the problem concrete right away.",
      "Short and clear; I could use this routine tomorrow.",
      "You said what you were unsure about, which made it easy to help.",
      "Grouping students by the mistake they made, not by their grade, was smart.",
      "Thank you for quoting students directly; it kept us honest."),
    FeedbackKind.CRITICAL, List.of(
      "The plan counts on students coming at lunch, and the ones we worry about most usually don't.",
      "We heard a lot about the activity and very little about how you will know it worked.",
      "The rubric rewards neatness more than reasoning.",
      "That is too many goals for one week; pick the one that matters most.",
      "The data stopped at averages, and the students below the line disappeared."),
    FeedbackKind.PROBING_QUESTION, List.of(
      "What would this look like for the students who are absent the most?",
      "Which students did this not reach, and what got in the way for them?",
      "How would a student explain the purpose of this routine?",
      "What evidence would make you drop this strategy?",
      "If you could change one thing before next week, what would it be?"));

  /** Review notes, with and without a look at who the agreement works for. */
  static final List<String> CHECKED_REVIEWS = List.of(
    "Looked at results by student group; nobody is being left behind under this so far.",
    "The disparity check showed English learners using it about half as often as others; we will explain it in home languages.",
    "Checked by group: students with IEPs were reached later than others, so we will start with them next time.",
    "Checked who benefits: late-bus students were missing out, and we moved the timing.");

  static final List<String> PLAIN_REVIEWS = List.of(
    "Still working as intended; no changes.",
    "Reviewed briefly; we ran out of time to look at who it affects.",
    "Most people follow it, but two new staff members had not heard of it.");

  static final List<Plan> PLANS = List.of(ninthGrade(), healthAcademy(), lincolnLeadership(), jeffersonLeadership());

  private static Plan ninthGrade() {
    return new Plan("ninth", 9_2026L,
      new Schedule("9th Grade Pathway Team", "Room 114 (Zoom link for Priya)", DayOfWeek.TUESDAY, LocalTime.of(15, 30), 75, 1, 20, 2,
        Set.of(9), List.of("A district professional development day landed on our slot; the data review moves to next week."), 7),
      new Roster("ana", List.of("ben", "grace", "priya"), List.of("ana", "ben", "grace"), "nomination-and-consent"),
      new Commitments(
        List.of(
          "Start on time, end on time, and keep the last five minutes for next steps.",
          "Use students' names only when we are planning support for them.",
          "Bring data or student work to every conversation about results.",
          "Assume good intent, and say the hard thing kindly and directly.",
          "Every action item leaves the room with one owner and a date."),
        List.of(
          new Goal("Every 9th grader on track for 10th grade",
            "Raise the share of 9th graders passing every core class with a C or better each grading period from 68% to 85% by June.",
            new Revision(8, "Raise the share of 9th graders passing every core class with a C or better from 68% to 85% by June, "
              + "and halve the gap between English learners and their classmates.",
              "First-semester grades showed English learners on track at 51% against 72% overall, so the goal now names that gap.",
              DecisionMethod.CONSENSUS)),
          new Goal("Ninth graders feel known and come to school",
            "Bring chronic absence in the cohort from 19% to under 12%, and raise 'an adult here knows me' above 80% on the survey.",
            null)),
        List.of(
          new Agreement("We bring student work, not summaries",
            "Whoever presents in a peer review brings three samples of real student work that span the class.",
            AgreementKind.AGREEMENT, AgreementStatus.OUTLINED, 2, 28, 3, 0.5, DecisionMethod.CONSENT),
          new Agreement("Reassessment after reteaching",
            "Any 9th grader may retake one unit test per grading period after a reteach session; the higher score counts.",
            AgreementKind.POLICY, AgreementStatus.DISCUSSED, 4, 28, 3, 1.0, DecisionMethod.FIST_TO_FIVE),
          new Agreement("A call home within a week",
            "A student who misses three classes in one week gets a call home from their advisory teacher within five school days.",
            AgreementKind.POLICY, AgreementStatus.OUTLINED, 6, 28, 3, 1.0, DecisionMethod.CONSENSUS))),
      new Habits(new Attendance(0.86, 0.06, 0.05), new Prep(0.95, 0.05, 0.92), new Rituals(0.95, 0.8, 0.95),
        new Outcomes(0.95, 0.82), new Tasks(1.0, 0.7, 1.0, 0.85, 0.95), new Feedback(0.85, 3, 0.5)),
      List.of(
        new Slot(1.0, List.of(other("Celebrations and norms check", 5).notes(
          "Grace: Marisol asked to retake the quiz instead of giving up. Ben: every seat at advisory lunch club was taken.",
          "Priya: six students sent in Coastline applications. Ana: thank you for covering hall duty during the assembly.",
          "Ben: Andre turned in his first lab write-up on time. Grace: the norms card is now taped inside every laptop lid.",
          "Ana: advisory attendance was the best of the year. Priya: the counselors loved the placement prep flyer."))),
        new Slot(0.85, List.of(
          data("Algebra 1 unit test: item analysis", 25).goal(0)
            .data(ArtifactType.ASSESSMENT, "Unit test results by standard")
            .builtInProtocol("examining-data", ProtocolCategory.DATA, 6)
            .notes("Two-step equations were the weakest standard at 41% correct; most wrong answers undid the steps in the wrong order.",
              "After the reteach, two-step equation items rose to 68% correct, and the students we grouped gained the most.")
            .decides(DecisionKind.STRATEGY_ADJUSTMENT, DecisionMethod.CONSENSUS,
              "Reteach two-step equations in small groups during Friday advisory, grouping students by the mistake they made.")
            .task("Build reteach groups from the item analysis", Origin.ROOT_CAUSE, Scope.TEAM, "algebra"),
          data("Grading period check: who is off track", 25).goal(0)
            .data(ArtifactType.GRADES, "D and F list by course")
            .data(ArtifactType.ENROLLMENT, "Cohort roster by pathway")
            .protocol("data-driven dialogue", ProtocolCategory.DATA, 4)
            .notes("Forty-three students have two or more Ds or Fs; more than half are missing work rather than failing tests.",
              "The off-track list is down to 29. Missing work is still the main reason, mostly in first-period classes.")
            .decides(DecisionKind.IMPLICATION, DecisionMethod.CONSENT,
              "Every student with two or more Ds or Fs gets a one-on-one check-in with their advisory teacher within a week.")
            .task("Schedule check-ins for every student with two or more Ds or Fs", Origin.ROOT_CAUSE, Scope.TEAM, "equity"),
          data("Chronic absence by advisory", 20).goal(1)
            .data(ArtifactType.ATTENDANCE, "Absence rates by advisory and student group")
            .protocol("notice and wonder", ProtocolCategory.DATA, 4)
            .notes("Chronic absence is 19% overall but 31% among students who ride the late bus; Mondays are the worst day.",
              "Monday first-period absences fell after the bus change; the late-bus group is down to 22%.")
            .decides(DecisionKind.STRATEGY_ADJUSTMENT, DecisionMethod.FIST_TO_FIVE,
              "Advisory teachers call home after a student's second absence in a week instead of the third.")
            .task("Ask transportation whether the late bus can arrive before first period", Origin.ROOT_CAUSE, Scope.ORGANIZATION,
              "equity", "attendance"),
          data("Belonging survey: who feels known", 20).goal(1)
            .data(ArtifactType.SURVEY, "Fall belonging survey, 9th grade responses")
            .protocol("ladder of inference", ProtocolCategory.DATA, 5)
            .notes("Seventy-one percent say an adult here knows them; among English learners it is 54%.",
              "The pulse check shows 79% overall and 70% for English learners since every student got a named adult.")
            .decides(DecisionKind.IMPLICATION, DecisionMethod.CONSENSUS,
              "Each student who said no adult knows them is matched with a named adult who checks in every week.")
            .task("Match every student who said no adult knows them with a named adult", Origin.ROOT_CAUSE, Scope.TEAM, "equity"),
          data("College placement results", 20).goal(0)
            .data(ArtifactType.ASSESSMENT, "Coastline placement results")
            .data(ArtifactType.PARTICIPATION, "College success course sign-ups")
            .builtInProtocol("examining-data", ProtocolCategory.DATA, 6)
            .notes("Thirty-eight students placed into college-level English; only nine of them live in the late-bus neighborhoods.",
              "Placement prep worked: twelve more students placed into college-level English on the retake.")
            .decides(DecisionKind.STRATEGY_ADJUSTMENT, DecisionMethod.CONSENT,
              "Run a placement prep session before every placement window so the test stops screening out students who are on track.")
            .task("Set up placement prep sessions with Coastline advising", Origin.ROOT_CAUSE, Scope.CROSS_ORGANIZATION,
              "equity", "dual-enrollment"),
          data("Lab reports: claims and evidence", 20).goal(0)
            .data(ArtifactType.STUDENT_WORK, "Twelve Biology lab reports scored with the team rubric")
            .protocol("looking at student work", ProtocolCategory.DATA, 5)
            .notes("Most students state a claim; fewer than a third tie it to their own measurements.",
              "The second set of reports cites measurements far more often, though few students explain their outliers.")
            .decides(DecisionKind.IMPLICATION, DecisionMethod.CONSENSUS,
              "Every core class uses the same claim, evidence and reasoning frame for the rest of the semester.")
            .task("Share the claim, evidence and reasoning frame with every core teacher", Origin.ROOT_CAUSE, Scope.TEAM))),
        new Slot(0.6, List.of(
          peer("Tuning protocol: reteach lesson on two-step equations", 20).goal(0).withPresenter()
            .protocol("tuning protocol", ProtocolCategory.INSTRUCTION, 6)
            .notes("Warm: the error-analysis warm-up. Cool: the exit ticket checks the procedure, not whether students can explain a step.",
              "Second round: the new exit ticket asks for one step in words, and the team suggested sentence frames to go with it.")
            .task("Revise the exit ticket so students explain one step in words", Origin.ROOT_CAUSE, Scope.TEAM),
          peer("Consultancy: a student who stopped coming to Biology", 20).goal(1).withPresenter()
            .protocol("consultancy", ProtocolCategory.INSTRUCTION, 5)
            .notes("The question: how do I reconnect with a student who skips only my class? The team asked about seating and lab roles.",
              "Update: the student came three days running after getting a lab role; the team asked what would keep that going.")
            .task("Give the student a standing lab role and report back", Origin.ROOT_CAUSE, Scope.TEAM),
          peer("Peer review: advisory lesson on setting goals", 20).goal(1).withPresenter()
            .protocol("tuning protocol", ProtocolCategory.INSTRUCTION, 6)
            .notes("Students liked writing a goal but could not name a first step; the team suggested modeling one with a real example.",
              "In the revised lesson students swapped goals and proposed first steps for each other; nearly everyone took part."),
          peer("Peer review: English 9 essay feedback routine", 20).goal(0).withPresenter()
            .data(ArtifactType.STUDENT_WORK, "Three essays with teacher comments")
            .protocol("tuning protocol", ProtocolCategory.INSTRUCTION, 6)
            .notes("The comments are thorough but students say they skip them; the team suggested one focus comment and a revision task.",
              "With one focus comment per essay, 80% of students revised; next we want to see whether the scores moved.")
            .task("Try one focus comment and a revision task on the next essay", Origin.ROOT_CAUSE, Scope.TEAM))),
        new Slot(0.85, List.of(
          strategy("Strategy share: warm calling in Algebra", 15).goal(0).withPresenter()
            .notes("Students rehearse with a partner before answering; several who never volunteer spoke up.",
              "Tallies from three classes: students speaking at least once went from 40% to 72% of the class.")
            .decides(DecisionKind.STRATEGY_ADJUSTMENT, DecisionMethod.CONSENT,
              "All four core classes try warm calling for two weeks and bring participation tallies.")
            .task("Bring participation tallies from two class periods", Origin.ROOT_CAUSE, Scope.TEAM),
          strategy("Strategy share: check-in circles in advisory", 15).goal(1).withPresenter()
            .notes("A five-minute circle on Mondays; students who missed Friday say it helps them catch up.",
              "Circles now run in every advisory, and two teachers added a question about plans for the week."),
          strategy("Strategy share: college words in every class", 15).goal(0).withPresenter()
            .notes("A short list of words students meet on college forms, such as 'prerequisite' and 'transcript'.",
              "Students used the words in their course request reflections; families asked for the list in Spanish.")
            .task("Translate the college word list into Spanish", Origin.OTHER, Scope.CROSS_ORGANIZATION, "dual-enrollment"),
          strategy("Strategy share: a reassessment planner", 15).goal(0).withPresenter()
            .notes("A one-page planner where students choose the standard to retake and the practice to do first.",
              "Students who used the planner passed retakes more often; the team wants it in every course.")
            .decides(DecisionKind.STRATEGY_ADJUSTMENT, DecisionMethod.CONSENSUS,
              "Students sign up for a reassessment with the planner instead of by email."))),
        new Slot(0.3, List.of(
          planning("Plan the Coastline campus visit", 10, Focus.STUDENT_OUTCOMES).goal(1)
            .notes("Date set with Coastline outreach; we need buses for 120 students and a plan for anyone without a permission slip.")
            .task("Collect permission slips for the campus visit", Origin.OTHER, Scope.CROSS_ORGANIZATION, "dual-enrollment"),
          planning("Plan family math night", 10, Focus.SUPPORT).goal(0)
            .notes("Families asked for help with the online gradebook as much as with the math, so we will run both tables.")
            .task("Send the family math night invitation in English and Spanish", Origin.ROOT_CAUSE, Scope.ORGANIZATION,
              "equity", "families"),
          planning("Spring course requests with counselors", 10, Focus.STUDENT_OUTCOMES).goal(0)
            .notes("Counselors will bring each student's pathway map so that course requests keep the pathway open.")
            .decides(DecisionKind.STRATEGY_ADJUSTMENT, DecisionMethod.CONSENT,
              "Every course request is checked against the student's pathway map before it is entered.")))),
      new Equity(3, List.of(EquityLevel.PERSONAL, EquityLevel.INSTITUTIONAL, EquityLevel.SOCIETAL), List.of(
        "We each counted whom we call on; three of us call on the same few students most of the time.",
        "The late-bus schedule makes students from two neighborhoods miss first period; that is a district decision we can push on.",
        "Families who work evening shifts cannot come to 6 pm conferences, so some conferences move to Saturday mornings.",
        "We noticed we explain missing work as low motivation before we ask students what happened.",
        "Placement tests screen out students who are on track in class; we are asking Coastline to use several measures.",
        "Students who work to support their families miss after-school tutoring, so tutoring moved into advisory.")),
      List.of(
        new Rating("ana", "B1", 3, "We say every student can pass Algebra, and we look at the off-track list together every week."),
        new Rating("ben", "B1", 3, "Nobody here writes a student off; we argue about how, never whether."),
        new Rating("grace", "B1", 3, "We own our results in front of each other, bad weeks included."),
        new Rating("priya", "B1", 2, "The belief is strong inside the team; families do not see our progress yet."),
        new Rating("ana", "A2", 3, "Our strategies tie to our two goals, and people try each other's ideas."),
        new Rating("ben", "A6", 3, "Feedback here is direct and kind; I changed my exit tickets because of it.")),
      List.of(
        "Eleven of the fourteen students in reteach groups passed the retake.",
        "All check-ins done; 17 students made a plan for their missing work and 12 have already turned it in.",
        "Transportation agreed to move the late bus fifteen minutes earlier from next month.",
        "Every student on the list has a named adult now; two asked to switch advisories and did.",
        "Placement prep ran twice; 21 students came and 12 placed higher on the retake.",
        "The frame hangs in every core classroom and showed up in the last two rounds of lab reports.",
        "The new exit ticket showed which students could explain a step; six were regrouped.",
        "Tallies came back from all four classes, and participation rose in three of them."));
  }

  private static Plan healthAcademy() {
    return new Plan("health", 7_2026L,
      new Schedule("Health Academy Team", "Health Sciences Lab, Room 210", DayOfWeek.WEDNESDAY, LocalTime.of(15, 15), 60, 1, 19, 1,
        Set.of(6, 13),
        List.of("Most of the team is chaperoning the hospital field trip.", "Parent conferences take the whole afternoon this week."),
        null),
      new Roster("ravi", List.of("emma", "luis", "jamal"), List.of("ravi"), "volunteered, confirmed by the principal"),
      new Commitments(
        List.of(
          "Phones away unless we are looking something up for the meeting.",
          "Everyone speaks once before anyone speaks twice.",
          "Next steps are written down before we leave.",
          "What we say about students stays in this room."),
        List.of(
          new Goal("More academy seniors earn an industry certification",
            "Raise the share of seniors earning CPR and First Aid or CNA certification from 40% to 60% this year.",
            new Revision(10,
              "Raise the share of seniors earning CPR and First Aid or CNA certification from 40% to 55% this year and 60% next year.",
              "The hospital can host only two CNA lab groups this spring, so 60% is out of reach this year.", DecisionMethod.CONSENSUS)),
          new Goal("Every junior gets real work experience",
            "Every academy junior completes at least 20 hours of job shadowing or an internship before June.", null)),
        List.of(
          new Agreement("A shared rubric for lab practicals",
            "All academy teachers score skills practicals with the same four-level rubric and calibrate once a quarter.",
            AgreementKind.AGREEMENT, AgreementStatus.OUTLINED, 3, 45, 6, 0.3, DecisionMethod.CONSENSUS),
          new Agreement("Internship placement priority",
            "When placements run short, students without a family connection to health care choose first.",
            AgreementKind.POLICY, AgreementStatus.DISCUSSED, 5, 30, 6, 0.5, DecisionMethod.LEADER),
          new Agreement("Making up missed rotation hours",
            "A student who misses a clinic rotation makes up the hours in the skills lab within two weeks.",
            AgreementKind.AGREEMENT, AgreementStatus.DISCUSSED, -1, null, 0, 0, DecisionMethod.CONSENSUS))),
      new Habits(new Attendance(0.55, 0.12, 0.15), new Prep(0.65, 0.2, 0.45), new Rituals(0.7, 0.3, 0.7),
        new Outcomes(0.6, 0.6), new Tasks(0.9, 0.55, 0.95, 0.6, 0.5), new Feedback(0.4, 2, 0.2)),
      List.of(
        new Slot(1.0, List.of(business("Academy announcements", 5).notes(
          "Scrubs arrive Friday. The advisory board meets next month.",
          "Hospital badge photos are due; three students still need theirs.",
          "The spring showcase date is set. Two new students joined the academy."))),
        new Slot(0.7, List.of(
          data("CPR practice exam results", 20).goal(0)
            .data(ArtifactType.ASSESSMENT, "CPR practice exam scores by student")
            .protocol("notice and wonder", ProtocolCategory.DATA, 4)
            .notes("The average was 74%; questions on compression rate were missed most.",
              "The second practice round averaged 81%; eight students are still under 70%.")
            .decides(DecisionKind.IMPLICATION, DecisionMethod.CONSENSUS,
              "Students under 70% on the practice exam get two extra skills-lab sessions before the certification test.")
            .task("Book the skills lab for two extra practice sessions", Origin.ROOT_CAUSE, Scope.TEAM),
          data("Anatomy and physiology grades", 20)
            .data(ArtifactType.GRADES, "Grade distribution for anatomy and physiology")
            .notes("About a quarter of juniors are failing, and most of them also failed Biology last year.")
            .decides(DecisionKind.IMPLICATION, DecisionMethod.LEADER,
              "Ravi will ask the counselor about a support section for juniors who struggled in Biology.")
            .task("Ask the counselor about a support section", Origin.INCIDENT, Scope.ORGANIZATION),
          data("Job-shadow hours so far", 15).goal(1)
            .data(ArtifactType.PARTICIPATION, "Job-shadow hours by junior")
            .notes("Thirty juniors have logged hours; twelve have none, and most of those have after-school jobs.",
              "Eighteen juniors still have no hours; the weekend slots at the clinic filled up fast.")
            .task("Call the juniors with no hours about weekend slots", Origin.ROOT_CAUSE, Scope.TEAM, "equity"),
          data("Attendance in academy classes", 15)
            .data(ArtifactType.ATTENDANCE, "Period attendance for academy courses")
            .notes("Absences cluster on rotation days, when students leave campus early.")
            .decides(DecisionKind.IMPLICATION, DecisionMethod.UNRECORDED, "Try a text reminder the night before each rotation.")
            .task("Set up text reminders for rotation days", Origin.ROOT_CAUSE, Scope.TEAM))),
        new Slot(0.75, List.of(
          share("Successes and challenges: the first clinic rotation", 15, Focus.STUDENT_OUTCOMES)
            .notes("Students loved shadowing patient transport; two were turned away for missing badges.",
              "No badge problems this round; students asked for more time with the nurses."),
          share("What worked this week in the skills lab", 15, Focus.SUPPORT)
            .notes("Station rotations kept everyone busy, though the blood pressure station always backs up."),
          share("Challenges: students juggling jobs and rotations", 15, Focus.STUDENT_OUTCOMES)
            .notes("Four seniors work evening shifts and are falling asleep in first period.",
              "Two of the four seniors moved to weekend shifts with help from the career center."),
          share("Wins from the medical terminology unit", 15, Focus.STUDENT_OUTCOMES)
            .notes("Flashcard battles worked; the quiz average rose nine points."))),
        new Slot(0.7, List.of(
          strategy("Strategy share: case-study openers", 15).goal(0).withPresenter()
            .notes("Each class opens with a two-minute patient case, and students predict what is going on.")
            .decides(DecisionKind.STRATEGY_ADJUSTMENT, DecisionMethod.CONSENSUS, "Open every academy class with a case study this month."),
          strategy("Strategy share: peer tutors in the skills lab", 15).withPresenter()
            .notes("Seniors who passed CPR coach juniors at lunch on Thursdays."),
          strategy("How Coastline runs simulation debriefs", 15).goal(0).withPresenter()
            .notes("Jamal walked us through Coastline's debrief questions: what happened, why, and what you would do next time.")
            .task("Try the simulation debrief questions after the next practical", Origin.OTHER, Scope.CROSS_ORGANIZATION),
          strategy("Strategy share: exit tickets in anatomy", 15).withPresenter()
            .notes("Three-question exit tickets show which body system to reteach the next day."))),
        new Slot(0.5, List.of(
          business("Hospital partner schedule", 15)
            .notes("The hospital moved rotations to Tuesdays, so the lab calendar has to shift.")
            .decides(DecisionKind.OTHER, DecisionMethod.LEADER, "Rotations move to Tuesdays and the lab calendar follows.")
            .task("Update the lab calendar for Tuesday rotations", Origin.OTHER, Scope.TEAM),
          business("Supply order", 10)
            .notes("Gloves and gauze are running low; the budget covers one more order this semester."),
          planning("Spring showcase planning", 15, Focus.SUPPORT)
            .notes("Students will demonstrate vital signs for families; we need people to help set up.")
            .task("Find volunteers to set up the showcase", Origin.OTHER, Scope.TEAM),
          business("Preparing for the advisory board", 15)
            .notes("We will ask the board for more weekend shadow slots and a CNA instructor.")))),
      new Equity(6, List.of(EquityLevel.PERSONAL, EquityLevel.INSTITUTIONAL), List.of(
        "We talked about whom we picture when we imagine a future nurse, and whom that leaves out.",
        "Placements go to students with family contacts first unless we change how we assign them.",
        "We excuse missed rotations for some students more readily than for others.")),
      List.of(
        new Rating("ravi", "B1", 2, "We believe in our students, but we do not share our certification results openly yet."),
        new Rating("emma", "B1", 2, "High expectations in class; less follow-through when students fall behind."),
        new Rating("luis", "B1", 3, "Everyone here wants every student certified."),
        new Rating("jamal", "B1", 2, "Strong belief, but the college side rarely hears how students are doing."),
        new Rating("ravi", "A6", 2, "We encourage each other; hard questions are rare.")),
      List.of(
        "Eight of the ten students who came to the extra sessions passed CPR.",
        "The counselor opened a support section for next semester.",
        "Nine of the twelve juniors booked weekend shadow slots.",
        "Absences on rotation days fell by about a third."));
  }

  private static Plan lincolnLeadership() {
    return new Plan("lincoln-leads", 5_2026L,
      new Schedule("Lincoln Leadership Team", "Main office conference room", DayOfWeek.MONDAY, LocalTime.of(14, 0), 60, 2, 14, 1,
        Set.of(5), List.of("The state testing window opened and every administrator is proctoring."), null),
      new Roster("marcus", List.of("ana", "leo"), List.of("marcus"), "appointed by the principal, confirmed by staff vote"),
      new Commitments(
        List.of(
          "Name the decision method before we discuss.",
          "Start with the calendar and end with who tells whom.",
          "Disagree in the room, not in the parking lot.",
          "Keep the whole school in view."),
        List.of(
          new Goal("Every schedule keeps a pathway open",
            "By spring registration, every 9th and 10th grader's schedule includes the courses their pathway needs.",
            new Revision(6, "By spring registration, every 9th and 10th grader's schedule includes the courses their pathway needs, "
              + "and every schedule change after the second week is checked for pathway impact.",
              "Schedule changes during the semester were quietly moving students out of pathway courses.", DecisionMethod.VOTE)),
          new Goal("A calm, safe campus", "Cut referrals from passing periods by a third compared with last year.", null)),
        List.of(
          new Agreement("The decision log is open to staff",
            "Every decision this team makes is posted to the staff decision log within two days.",
            AgreementKind.AGREEMENT, AgreementStatus.OUTLINED, 1, 60, 4, 0.0, DecisionMethod.CONSENT),
          new Agreement("Review of schedule changes",
            "After the second week of a semester, a counselor checks every schedule change for pathway impact before it is made.",
            AgreementKind.POLICY, AgreementStatus.DISCUSSED, 7, 30, 3, 0.5, DecisionMethod.VOTE))),
      new Habits(new Attendance(0.85, 0.08, 0.05), new Prep(0.9, 0.1, 0.9), new Rituals(0.92, 0.85, 0.9),
        new Outcomes(0.9, 0.8), new Tasks(1.0, 0.4, 1.0, 0.8, 0.8), new Feedback(0.3, 1, 0.3)),
      List.of(
        new Slot(1.0, List.of(other("Calendar and check-in", 5).notes(
          "Coming up: a fire drill on Tuesday and a board visit on Thursday.",
          "Coming up: progress reports go home and college night is on Wednesday.",
          "Coming up: preparing for the testing window and a short staff meeting."))),
        new Slot(1.0, List.of(
          business("Lunch supervision coverage", 25).goal(1)
            .notes("Nobody covers the far quad in the second half of lunch, and most fights start there.",
              "Coverage is full on paper, but the far quad is still empty when substitutes are short.")
            .decides(DecisionKind.OTHER, DecisionMethod.CONSENT,
              "A rotating administrator covers the far quad for the second half of lunch.")
            .task("Post the new lunch supervision rotation", Origin.INCIDENT, Scope.ORGANIZATION),
          business("Master schedule, first draft", 25).goal(0)
            .notes("The draft puts Algebra 1 support and Biology in the same period for half the cohort.",
              "The second draft fixes the support conflict; two pathway electives still collide.")
            .decides(DecisionKind.STRATEGY_ADJUSTMENT, DecisionMethod.VOTE,
              "Move Algebra 1 support to fourth period so it no longer collides with Biology.")
            .task("Send the revised schedule draft to department chairs", Origin.OTHER, Scope.ORGANIZATION),
          business("Site budget check", 25)
            .notes("Supplies are on track; substitute spending is 20% over plan.")
            .decides(DecisionKind.OTHER, DecisionMethod.CONSENT, "Hold discretionary purchases until substitute spending is back on plan.")
            .task("Ask the district for substitute spending by department", Origin.OTHER, Scope.ORGANIZATION),
          business("Safety drill debrief", 25).goal(1)
            .notes("Evacuation took nine minutes, and two portable classrooms never heard the alarm.")
            .decides(DecisionKind.OTHER, DecisionMethod.CONSENT, "Ask facilities to test the alarm in the portables before the next drill.")
            .task("Request an alarm test in the portables", Origin.INCIDENT, Scope.ORGANIZATION),
          business("Passing period hot spots", 25).goal(1)
            .notes("Referrals cluster outside the gym and in the 200 hallway.")
            .decides(DecisionKind.STRATEGY_ADJUSTMENT, DecisionMethod.VOTE,
              "Teachers stand at their doors during passing periods, with an administrator at each hot spot.")
            .task("Share the hot-spot map with staff", Origin.ROOT_CAUSE, Scope.ORGANIZATION),
          business("Bell schedule for testing week", 25)
            .notes("Testing takes the mornings, and lunches would overlap on the regular bell schedule.")
            .decides(DecisionKind.OTHER, DecisionMethod.CONSENT, "Use the minimum-day bell schedule during testing week.")
            .task("Publish the testing-week bell schedule", Origin.OTHER, Scope.ORGANIZATION))),
        new Slot(0.7, List.of(
          planning("Professional development day plan", 20, Focus.SUPPORT)
            .notes("Teachers asked for time in departments more than for another speaker.")
            .decides(DecisionKind.OTHER, DecisionMethod.CONSENSUS, "Half of the PD day goes to department planning time.")
            .task("Draft the PD day agenda", Origin.OTHER, Scope.TEAM),
          planning("New teacher check-in", 20, Focus.SUPPORT)
            .notes("Three first-year teachers are struggling with routines, and their mentors are stretched thin.")
            .task("Pair each first-year teacher with a second mentor", Origin.OTHER, Scope.TEAM),
          planning("Staff survey follow-up", 20, Focus.SUPPORT)
            .notes("Staff want fewer emails and clearer decisions; they say the decision log helps."),
          planning("Department chair meeting agenda", 20, Focus.BUSINESS)
            .notes("Chairs will go over grading practices and the schedule draft."))),
        new Slot(0.3, List.of(
          data("Referrals by location and period", 15).goal(1)
            .data(ArtifactType.OTHER, "Referral counts by location and period")
            .notes("Referrals dropped outside the gym but rose near the portables.")
            .decides(DecisionKind.IMPLICATION, DecisionMethod.CONSENT, "Move one supervision post from the gym to the portables."),
          data("D and F rates by department", 15).goal(0)
            .data(ArtifactType.GRADES, "D and F rates by department and grade")
            .notes("Ninth grade D and F rates fell in Algebra and Biology; tenth grade rates rose in Chemistry.")
            .task("Ask the science chair to look into 10th grade Chemistry grades", Origin.OTHER, Scope.TEAM, "equity")))),
      new Equity(8, List.of(EquityLevel.INSTITUTIONAL), List.of(
        "Our master schedule decides who gets pathway courses; students who enroll late get whatever is left.",
        "Referrals fall hardest on students who arrive late on the bus and walk in during passing periods.")),
      List.of(
        new Rating("marcus", "B1", 3, "We hold ourselves to every student having a real pathway."),
        new Rating("ana", "B1", 2, "We believe it, but our meetings are mostly about operations."),
        new Rating("leo", "B1", 2, "Good intentions; we rarely look at results together."),
        new Rating("marcus", "A1", 1, "Most of our time goes to operations; student results come up only now and then.")),
      List.of(
        "Fights in the far quad dropped from six to one in two weeks.",
        "Chairs answered within the week and two conflicts were resolved.",
        "Alarm repaired; the next drill reached every room.",
        "The hot-spot map is posted in the staff room and referrals near the gym fell."));
  }

  private static Plan jeffersonLeadership() {
    return new Plan("jefferson-leads", 3_2026L,
      new Schedule("Jefferson Leadership Team", "Principal's office", DayOfWeek.THURSDAY, LocalTime.of(7, 15), 45, 1, 20, 1,
        Set.of(3, 7, 8, 12, 16, 17), List.of(
          "Sofia was called to a district meeting.",
          "Too many people out; we will catch up next week.",
          "No meeting this week.",
          "A parent meeting took the slot.",
          "Nobody could get substitute coverage.",
          "Called off again; the week is too full."), null),
      new Roster("sofia", List.of("ravi", "hannah"), List.of("sofia"), null),
      new Commitments(
        List.of("Be on time.", "Keep it confidential.", "Phones away."),
        List.of(new Goal("Better attendance", "Improve schoolwide attendance.",
          new Revision(14, "Raise average daily attendance to 94% by spring.",
            "Sofia set a target after the district attendance report came out.", DecisionMethod.LEADER))),
        List.of(new Agreement("Classroom walkthrough schedule", "Each administrator visits five classrooms a week.",
          AgreementKind.AGREEMENT, AgreementStatus.DISCUSSED, -1, null, 0, 0, DecisionMethod.LEADER))),
      new Habits(new Attendance(0.12, 0.1, 0.15), new Prep(0.05, 0.2, 0.05), new Rituals(0.2, 0.05, 0.3),
        new Outcomes(0.15, 0.5), new Tasks(0.5, 0.5, 0.4, 0.3, 0.1), new Feedback(0.0, 1, 0.0)),
      List.of(
        new Slot(1.0, List.of(business("Announcements and calendar", 20).notes(
          "Board meeting on Tuesday; Sofia presents the bell schedule.",
          "Picture day next week. The district audit is on the calendar."))),
        new Slot(0.85, List.of(
          business("Hallway supervision gaps", 20)
            .announces(DecisionKind.OTHER, DecisionMethod.LEADER, "Sofia will remind staff about their supervision posts.")
            .task("Email staff about supervision posts", Origin.INCIDENT, Scope.TEAM),
          business("Testing schedule", 20)
            .task("Finish the testing room list", Origin.OTHER, Scope.TEAM),
          business("Staff meeting agenda", 15)
            .announces(DecisionKind.OTHER, DecisionMethod.LEADER, "The next staff meeting covers the new attendance procedures."),
          business("Fire drill follow-up", 15)
            .task("Tell facilities about the broken alarm in building C", Origin.INCIDENT, Scope.ORGANIZATION),
          business("Traffic at afternoon pickup", 15)
            .announces(DecisionKind.OTHER, DecisionMethod.UNRECORDED, "Put a line of cones at the north gate."),
          business("Substitute shortage", 20)
            .notes("Teachers are covering classes during their prep periods, and morale is low.")
            .task("Ask the district for more substitutes", Origin.INCIDENT, Scope.ORGANIZATION),
          other("Dress code complaints", 15)
            .notes("Several parents complained about uneven enforcement."))),
        new Slot(0.2, List.of(
          data("Monthly attendance report", 10).goal(0)
            .data(ArtifactType.ATTENDANCE, "Monthly attendance summary")
            .notes("Attendance is 89%, down from last month.")
            .announces(DecisionKind.IMPLICATION, DecisionMethod.LEADER, "Send the attendance letter to families again.")
            .task("Mail the attendance letter", Origin.OTHER, Scope.TEAM)))),
      new Equity(0, List.of(), List.of()),
      List.of(new Rating("sofia", "B1", 2, "We care about every student; we just never get to talk about learning.")),
      List.of("Sent; a few teachers replied.", "Facilities fixed the alarm."));
  }
}
