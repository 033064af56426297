-- Key rotation in steps (KeyRing.advance): a NEXT key signs from activate_at on, once it has been
-- published long enough for every platform's cached key set to hold it; the key it replaces stays
-- published as PREVIOUS until withdraw_at, when nothing it signed can still be valid. A CURRENT key's
-- activate_at is when it began to sign (null for keys made before rotation existed: created_at).
ALTER TABLE signing_key ADD COLUMN activate_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE signing_key ADD COLUMN withdraw_at TIMESTAMP WITH TIME ZONE;
