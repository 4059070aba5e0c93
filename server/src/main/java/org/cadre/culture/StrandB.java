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
    String next = switch (level) {
      case NOT_RATED -> "Rate this row as a team: whether every student can achieve, and how publicly the team answers for it, is for people to judge.";
      case EMERGING -> "Talk openly about the belief that every student can achieve, and report the team's progress where others can see it.";
      case DEVELOPING -> "Make the team's results public and hold one another to account for every student's progress.";
      default -> "Keep the belief visible in how the team talks about every student, and rate the row again as the team changes.";
    };
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
      .developing(outlinedOrAdopted >= r.b2Agreements(), () -> "Outline at least " + r.b2Agreements()
        + " common agreements about how the team provides support.")
      .transforming(adopted >= r.b2Agreements(), () -> "Formally adopt at least " + r.b2Agreements() + " of the team's agreements.")
      .transforming(reviewedEnough == adoptedCount, () -> "Review each adopted agreement in a meeting at least "
        + reviewsNeeded + " times in the window.")
      .build("Keep reviewing the agreements in meetings and retire or rewrite any that no longer guide the work.", w.rating("B2"));
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
      .developing(owned >= 1, () -> "Create an action item tagged equity, with an owner, in the window.")
      .transforming(Integer.bitCount(levels) == EquityLevel.values().length, () -> "Analyse equity at the personal, institutional "
        + "and societal levels, and record each analysis.")
      .transforming(wider >= 1, () -> "Take an equity action beyond the team, in the organization or across organizations.")
      .build("Keep analysing equity at every level and carry the actions it calls for beyond the team.", w.rating("B3"));
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
      .developing(reviews >= 1, () -> "Review the impact of a support policy in the window.")
      .transforming(adoptedPolicies >= 1, () -> "Adopt a support policy so its impact can be reviewed on a cadence.")
      .transforming(withCadence == adoptedCount, () -> "Give every adopted policy a review cadence.")
      // With no review due, nothing was late.
      .transforming(due == 0 || reaches(onTime, due, r.b4OnTimeShare()), () -> "Hold at least " + percent(r.b4OnTimeShare())
        + " of the policy reviews due in the window on time, each with a disparity check.")
      .build("Keep reviewing every policy on its cadence with a disparity check, and change the ones that widen gaps.",
        w.rating("B4"));
  }

  /** Adopted as of the instant: an adoption dated later is still only outlined then. */
  private static boolean adopted(Agreement a, Instant asOf) {
    return a.status() == AgreementStatus.ADOPTED && (a.adoptedAt() == null || !a.adoptedAt().isAfter(asOf));
  }

  private static boolean outlined(Agreement a, Instant asOf) {
    return a.status() == AgreementStatus.OUTLINED || a.status() == AgreementStatus.ADOPTED && !adopted(a, asOf);
  }
}
