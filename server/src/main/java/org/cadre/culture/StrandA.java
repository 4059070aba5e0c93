package org.cadre.culture;

import org.cadre.history.ArtifactType;
import org.cadre.history.ItemKind;
import org.cadre.history.TeamHistory.AgendaItem;
import org.cadre.history.TeamHistory.Feedback;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.cadre.culture.RowBuilder.percent;
import static org.cadre.culture.RowBuilder.reaches;
import static org.cadre.culture.RowBuilder.round4;

/** Strand A, rows A1 to A6: focus the team on the use of data to inform inquiry. Needs enough held meetings. */
final class StrandA {

  private final Window w;
  private final CultureRules.StrandA r;
  private final int held;

  private StrandA(Window w) {
    this.w = w;
    this.r = w.rules.a();
    this.held = w.held.size();
  }

  static List<RowResult> rows(Window w) {
    StrandA a = new StrandA(w);
    return List.of(a.a1(), a.a2(), a.a3(), a.a4(), a.a5(), a.a6());
  }

  /** Share of agenda time on student outcomes. */
  private RowResult a1() {
    int developing = 0;
    int transforming = 0;
    double shares = 0;
    List<String> evidence = new ArrayList<>();
    for (MeetingFacts m : w.held) {
      shares += m.studentOutcomeShare;
      if (m.studentOutcomeShare >= r.a1AgendaShareDeveloping()) {
        developing++;
        evidence.add(m.id());
      }
      transforming += m.studentOutcomeShare >= r.a1AgendaShareTransforming() ? 1 : 0;
    }
    return w.row("A1")
      .measured("meetingsHeld", held)
      .measured("meanAgendaShare", round4(shares / held))
      .measured("meetingsAtDevelopingAgendaShare", developing)
      .share("shareOfMeetingsAtDevelopingAgendaShare", developing, held)
      .measured("meetingsAtTransformingAgendaShare", transforming)
      .share("shareOfMeetingsAtTransformingAgendaShare", transforming, held)
      .threshold("agendaShareDeveloping", r.a1AgendaShareDeveloping())
      .threshold("agendaShareTransforming", r.a1AgendaShareTransforming())
      .threshold("shareOfMeetings", r.a1MeetingShare())
      .evidence(evidence)
      .developing(reaches(developing, held, r.a1MeetingShare()), () -> NextStep.of("next.A1.toDeveloping",
        percent(r.a1AgendaShareDeveloping()), percent(r.a1MeetingShare())))
      .transforming(reaches(transforming, held, r.a1MeetingShare()), () -> NextStep.of("next.A1.toTransforming",
        percent(r.a1AgendaShareTransforming()), percent(r.a1MeetingShare())))
      .build(NextStep.of("next.A1.sustain"), w.rating("A1"));
  }

  /** Support strategies tied to the team's goals. */
  private RowResult a2() {
    int meetings = 0;
    int items = 0;
    int linked = 0;
    List<String> evidence = new ArrayList<>();
    for (MeetingFacts m : w.held) {
      if (m.strategyItems > 0) {
        meetings++;
        evidence.add(m.id());
      }
      items += m.strategyItems;
      linked += m.linkedStrategyItems;
    }
    return w.row("A2")
      .measured("meetingsHeld", held)
      .measured("meetingsWithStrategyShare", meetings)
      .share("shareOfMeetingsWithStrategyShare", meetings, held)
      .measured("strategyShareItems", items)
      .measured("itemsLinkedToGoal", linked)
      .share("linkedShare", linked, items)
      .threshold("shareOfMeetings", r.a2MeetingShare())
      .threshold("linkedShare", r.a2LinkedShare())
      .evidence(evidence)
      .developing(reaches(meetings, held, r.a2MeetingShare()), () -> NextStep.of("next.A2.toDeveloping",
        percent(r.a2MeetingShare())))
      .transforming(reaches(linked, items, r.a2LinkedShare()), () -> NextStep.of("next.A2.toTransforming",
        percent(r.a2LinkedShare())))
      .build(NextStep.of("next.A2.sustain"), w.rating("A2"));
  }

  /** Looking at student data, through protocols. */
  private RowResult a3() {
    int dataMeetings = 0;
    int withProtocol = 0;
    int types = 0;
    List<String> evidence = new ArrayList<>();
    for (MeetingFacts m : w.held) {
      types |= m.artifactTypes;
      if (m.dataMeeting) {
        dataMeetings++;
        evidence.add(m.id());
        withProtocol += m.dataProtocolRan ? 1 : 0;
      }
    }
    return w.row("A3")
      .measured("meetingsHeld", held)
      .measured("dataMeetings", dataMeetings)
      .share("dataMeetingShare", dataMeetings, held)
      .measuredNames("dataTypes", types, ArtifactType.values())
      .measured("dataMeetingsWithDataProtocol", withProtocol)
      .share("dataProtocolMeetingShare", withProtocol, held)
      .threshold("dataMeetingShare", r.a3DataMeetingShare())
      .threshold("dataTypes", r.a3DataTypes())
      .threshold("dataProtocolMeetingShare", r.a3ProtocolMeetingShare())
      .evidence(evidence)
      .developing(reaches(dataMeetings, held, r.a3DataMeetingShare()), () -> NextStep.of("next.A3.toDeveloping.dataMeetings",
        percent(r.a3DataMeetingShare())))
      .developing(Integer.bitCount(types) >= r.a3DataTypes(), () -> NextStep.of("next.A3.toDeveloping.dataTypes",
        r.a3DataTypes()))
      .transforming(reaches(withProtocol, held, r.a3ProtocolMeetingShare()), () -> NextStep.of("next.A3.toTransforming",
        percent(r.a3ProtocolMeetingShare())))
      .build(NextStep.of("next.A3.sustain"), w.rating("A3"));
  }

  /** Acting on what the data implies. */
  private RowResult a4() {
    int dataMeetings = 0;
    int withImplication = 0;
    int adjustments = 0;
    List<String> evidence = new ArrayList<>();
    for (MeetingFacts m : w.held) {
      if (m.dataMeeting) {
        dataMeetings++;
        adjustments += m.adjustmentDecisions;
        if (m.implicationDecisions > 0) {
          withImplication++;
          evidence.add(m.id());
        }
      }
    }
    int adjustmentsNeeded = (w.days + r.a4DaysPerAdjustment() - 1) / r.a4DaysPerAdjustment();
    int dataMeetingCount = dataMeetings;
    return w.row("A4")
      .measured("dataMeetings", dataMeetings)
      .measured("dataMeetingsWithImplication", withImplication)
      .share("implicationShare", withImplication, dataMeetings)
      .measured("adjustmentsInDataMeetings", adjustments)
      .threshold("implicationShare", r.a4ImplicationShare())
      .threshold("adjustments", adjustmentsNeeded)
      .evidence(evidence)
      .developing(reaches(withImplication, dataMeetings, r.a4ImplicationShare()), () -> dataMeetingCount == 0
        ? NextStep.of("next.A4.toDeveloping.noDataMeeting")
        : NextStep.of("next.A4.toDeveloping", percent(r.a4ImplicationShare())))
      .transforming(adjustments >= adjustmentsNeeded, () -> NextStep.of("next.A4.toTransforming",
        adjustmentsNeeded))
      .build(NextStep.of("next.A4.sustain"), w.rating("A4"));
  }

  /** Reviewing one another's support plans. */
  private RowResult a5() {
    int sharing = 0;
    int underProtocol = 0;
    Set<String> presenters = new HashSet<>();
    List<String> evidence = new ArrayList<>();
    for (MeetingFacts m : w.held) {
      if (m.sharing) {
        sharing++;
        evidence.add(m.id());
        for (AgendaItem item : m.meeting.agenda()) {
          if (item.kind() == ItemKind.PEER_REVIEW && item.presenter() != null) {
            presenters.add(item.presenter());
          }
        }
      }
      underProtocol += m.peerReviewUnderProtocol ? 1 : 0;
    }
    int rosterPresenters = w.roster.countAmong(presenters);
    return w.row("A5")
      .measured("meetingsHeld", held)
      .measured("meetingsWithSharing", sharing)
      .share("sharingMeetingShare", sharing, held)
      .measured("meetingsWithPeerReviewUnderProtocol", underProtocol)
      .share("protocolMeetingShare", underProtocol, held)
      .measured("presentersOnRoster", rosterPresenters)
      .measured("rosterSize", w.roster.size())
      .share("presenterShare", rosterPresenters, w.roster.size())
      .threshold("sharingMeetingShare", r.a5MeetingShareDeveloping())
      .threshold("protocolMeetingShare", r.a5ProtocolMeetingShare())
      .threshold("presenterShare", r.a5PresenterShare())
      .evidence(evidence)
      .developing(reaches(sharing, held, r.a5MeetingShareDeveloping()), () -> NextStep.of("next.A5.toDeveloping",
        percent(r.a5MeetingShareDeveloping())))
      .transforming(reaches(underProtocol, held, r.a5ProtocolMeetingShare()), () -> NextStep.of("next.A5.toTransforming.protocol",
        percent(r.a5ProtocolMeetingShare())))
      .transforming(reaches(rosterPresenters, w.roster.size(), r.a5PresenterShare()), () -> NextStep.of("next.A5.toTransforming.presenters",
        percent(r.a5PresenterShare())))
      .build(NextStep.of("next.A5.sustain"), w.rating("A5"));
  }

  /** Feedback and probing questions. */
  private RowResult a6() {
    int meetings = 0;
    int entries = 0;
    int challenging = 0;
    Set<String> givers = new HashSet<>();
    List<String> evidence = new ArrayList<>();
    for (MeetingFacts m : w.held) {
      if (m.feedback > 0) {
        meetings++;
        evidence.add(m.id());
        for (Feedback f : m.meeting.feedback()) {
          givers.add(f.giver());
        }
      }
      entries += m.feedback;
      challenging += m.challengingFeedback;
    }
    int rosterGivers = w.roster.countAmong(givers);
    return w.row("A6")
      .measured("meetingsHeld", held)
      .measured("meetingsWithFeedback", meetings)
      .share("feedbackMeetingShare", meetings, held)
      .measured("feedbackEntries", entries)
      .measured("criticalOrProbing", challenging)
      .share("criticalOrProbingShare", challenging, entries)
      .measured("giversOnRoster", rosterGivers)
      .measured("rosterSize", w.roster.size())
      .share("giverShare", rosterGivers, w.roster.size())
      .threshold("feedbackMeetingShareDeveloping", r.a6MeetingShareDeveloping())
      .threshold("feedbackMeetingShareTransforming", r.a6MeetingShareTransforming())
      .threshold("criticalOrProbingShare", r.a6ChallengeShare())
      .threshold("giverShare", r.a6GiverShare())
      .evidence(evidence)
      .developing(reaches(meetings, held, r.a6MeetingShareDeveloping()), () -> NextStep.of("next.A6.toDeveloping",
        percent(r.a6MeetingShareDeveloping())))
      .transforming(reaches(meetings, held, r.a6MeetingShareTransforming()), () -> NextStep.of("next.A6.toTransforming.meetings",
        percent(r.a6MeetingShareTransforming())))
      .transforming(reaches(challenging, entries, r.a6ChallengeShare()), () -> NextStep.of("next.A6.toTransforming.challenge",
        percent(r.a6ChallengeShare())))
      .transforming(reaches(rosterGivers, w.roster.size(), r.a6GiverShare()), () -> NextStep.of("next.A6.toTransforming.givers",
        percent(r.a6GiverShare())))
      .build(NextStep.of("next.A6.sustain"), w.rating("A6"));
  }
}
