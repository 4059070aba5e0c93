-- Reading a team's history (its export, and every rescoring) selects each table by the team. These tables had an
-- index by meeting or agreement only, so each read scanned them whole: with a district's teams that is most of the
-- database's time under load.
create index agenda_items_space_idx on agenda_items (space_id);
create index decisions_space_idx on decisions (space_id);
create index feedback_space_idx on feedback (space_id);
create index protocol_runs_space_idx on protocol_runs (space_id);
create index agreement_reviews_space_idx on agreement_reviews (space_id);
-- The current-membership index is partial; the history also lists those who left.
create index memberships_space_idx on memberships (space_id);
