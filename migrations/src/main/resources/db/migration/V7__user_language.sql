-- The language a user chose in the client (null: none yet, the browser's is used). Server messages to their
-- bus connections use it too.
alter table users add column language text check (language in ('en', 'es'));
