-- Who has proved they own their email (null: nobody has yet; password registration proves nothing). An import
-- confirms the memberships it names only for verified accounts.
alter table users add column email_verified_at timestamptz;

-- API tokens may end; null keeps one until it is deleted.
alter table api_tokens add column expires_at timestamptz;
