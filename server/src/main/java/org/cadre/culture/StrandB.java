package org.cadre.culture;

import org.cadre.history.AgreementKind;
import org.cadre.history.AgreementStatus;
import org.cadre.history.EquityLevel;
import org.cadre.history.Scope;
import org.cadre.history.TeamHistory.ActionItem;
import org.cadre.history.TeamHistory.Agreement;
import org.cadre.history.TeamHistory.EquityAnalysis;
import org.cadre.history.TeamHistory.Review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.cadre.culture.RowBuilder.percent;
import static org.cadre.culture.RowBuilder.reaches;

/** Strand B, rows B1 to B4: share beliefs, commitments and common practices. Scored however few meetings were held. */
final class StrandB {

  private final Window w;
  private final CultureRules.StrandB r;

  private StrandB(Window w) {
    this.w = w;
    this.r = w.rules.b();
  }

  static List<RowResult> rows(Window w) {
    StrandB b = new StrandB(w);
    return List.of(b.b1(), b.b2(), b.b3(), b.b4());
  }

  /** Belief that every student can achieve: only people can judge it, so the row takes its rating. */
  private RowResult b1() {
    RowRating rating = w.rating("B1");
    Level level = rating == null ? Level.NOT_RATED : Level.of(rating.level());
    NextStep next = NextStep.of(switch (level) {
      case NOT_RATED -> "next.B1.notRated";
      case EMERGING -> "next.B1.toDeveloping";
      case DEVELOPING -> "next.B1.toTransforming";
      default -> "next.B1.sustain";
    });
    return new RowResult("B1", level, Map.of(), Map.of(), List.of(), next, rating);
  }

  /** Common agreements about providing support. */
  private RowResult b2() {
    int outlinedOrAdopted = 0;
    int adopted = 0;
    int reviewedEnough = 0;
    int reviewsNeeded = w.days / r.b2DaysPerReview();
    List<String> evidence = new ArrayList<>();
    for (Agreement a : w.team.history.agreements()) {
      boolean isAdopted = adopted(a, w.asOf);
      if (isAdopted || outlined(a, w.asOf)) {
        outlinedOrAdopted++;
        evidence.add(a.id());
      }
      if (isAdopted) {
        adopted++;
        reviewedEnough += reviewsInMeetings(a) >= reviewsNeeded ? 1 : 0;
      }
    }
    int adoptedCount = adopted;
    return w.row("B2")
      .measured("agreementsOutlinedOrAdopted", outlinedOrAdopted)
      .measured("agreementsAdopted", adopted)
      .measured("adoptedReviewedOften", reviewedEnough)
      .threshold("agreements", r.b2Agreements())
      .threshold("reviewsPerAdoptedAgreement", reviewsNeeded)
      .evidence(evidence)
      .developing(outlinedOrAdopted >= r.b2Agreements(), () -> NextStep.of("next.B2.toDeveloping",
        r.b2Agreements()))
      .transforming(adopted >= r.b2Agreements(), () -> NextStep.of("next.B2.toTransforming.adopt", r.b2Agreements()))
      .transforming(reviewedEnough == adoptedCount, () -> NextStep.of("next.B2.toTransforming.reviews",
        reviewsNeeded))
      .build(NextStep.of("next.B2.sustain"), w.rating("B2"));
  }

  private int reviewsInMeetings(Agreement a) {
    int count = 0;
    for (Review review : a.reviews()) {
      count += review.meetingId() != null && w.contains(review.at()) ? 1 : 0;
    }
    return count;
  }

  /** Equity and access. */
  private RowResult b3() {
    int equityItems = 0;
    int owned = 0;
    int wider = 0;
    List<String> evidence = new ArrayList<>();
    for (ActionItem item : w.actions) {
      if (taggedEquity(item)) {
        equityItems++;
        evidence.add(item.id());
        owned += item.owner() != null ? 1 : 0;
        wider += item.scope() == Scope.ORGANIZATION || item.scope() == Scope.CROSS_ORGANIZATION ? 1 : 0;
      }
    }
    int levels = 0;
    for (EquityAnalysis analysis : w.team.history.equityAnalyses()) {
      if (w.contains(analysis.at())) {
        levels |= 1 << analysis.level().ordinal();
      }
    }
    return w.row("B3")
      .measured("equityActionItems", equityItems)
      .measured("equityItemsWithOwner", owned)
      .measured("equityItemsBeyondTeam", wider)
      .measuredNames("analysisLevels", levels, EquityLevel.values())
      .threshold("equityItemsWithOwner", 1)
      .threshold("analysisLevels", EquityLevel.values().length)
      .threshold("equityItemsBeyondTeam", 1)
      .evidence(evidence)
      .developing(owned >= 1, () -> NextStep.of("next.B3.toDeveloping"))
      .transforming(Integer.bitCount(levels) == EquityLevel.values().length, () -> NextStep.of("next.B3.toTransforming.levels"))
      .transforming(wider >= 1, () -> NextStep.of("next.B3.toTransforming.beyondTeam"))
      .build(NextStep.of("next.B3.sustain"), w.rating("B3"));
  }

  private static boolean taggedEquity(ActionItem item) {
    for (String tag : item.tags()) {
      if (tag.equalsIgnoreCase("equity")) {
        return true;
      }
    }
    return false;
  }

  /** Reflecting on the impact of support policies. */
  private RowResult b4() {
    int adoptedPolicies = 0;
    int withCadence = 0;
    int reviews = 0;
    int due = 0;
    int onTime = 0;
    List<String> evidence = new ArrayList<>();
    for (Agreement a : w.team.history.agreements()) {
      if (a.kind() != AgreementKind.POLICY) {
        continue;
      }
      int inWindow = 0;
      int checked = 0;
      for (Review review : a.reviews()) {
        if (w.contains(review.at())) {
          inWindow++;
          checked += review.disparityCheck() ? 1 : 0;
        }
      }
      reviews += inWindow;
      boolean isAdopted = adopted(a, w.asOf);
      if (isAdopted) {
        adoptedPolicies++;
        if (a.reviewEveryDays() != null) {
          withCadence++;
          int policyDue = w.days / a.reviewEveryDays();
          due += policyDue;
          onTime += Math.min(policyDue, checked);
        }
      }
      if (isAdopted || inWindow > 0) {
        evidence.add(a.id());
      }
    }
    int adoptedCount = adoptedPolicies;
    return w.row("B4")
      .measured("policyReviews", reviews)
      .measured("adoptedPolicies", adoptedPolicies)
      .measured("adoptedPoliciesWithCadence", withCadence)
      .measured("reviewsDue", due)
      .measured("reviewsOnTime", onTime)
      .share("onTimeShare", onTime, due)
      .threshold("policyReviews", 1)
      .threshold("onTimeShare", r.b4OnTimeShare())
      .evidence(evidence)
      .developing(reviews >= 1, () -> NextStep.of("next.B4.toDeveloping"))
      .transforming(adoptedPolicies >= 1, () -> NextStep.of("next.B4.toTransforming.adopt"))
      .transforming(withCadence == adoptedCount, () -> NextStep.of("next.B4.toTransforming.cadence"))
      // With no review due, nothing was late.
      .transforming(due == 0 || reaches(onTime, due, r.b4OnTimeShare()), () -> NextStep.of("next.B4.toTransforming.onTime",
        percent(r.b4OnTimeShare())))
      .build(NextStep.of("next.B4.sustain"), w.rating("B4"));
  }

  /** Adopted as of the instant: an adoption dated later is still only outlined then. */
  private static boolean adopted(Agreement a, Instant asOf) {
    return a.status() == AgreementStatus.ADOPTED && (a.adoptedAt() == null || !a.adoptedAt().isAfter(asOf));
  }

  private static boolean outlined(Agreement a, Instant asOf) {
    return a.status() == AgreementStatus.OUTLINED || a.status() == AgreementStatus.ADOPTED && !adopted(a, asOf);
  }
}
