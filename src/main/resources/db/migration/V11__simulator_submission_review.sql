-- The simulator's submission review launches (LTI Submission Review Service 1.0 §2): whose
-- submission a launch asks the tool to show (the for_user claim); empty for other launches.
ALTER TABLE sim_launch ADD COLUMN for_user_id VARCHAR(64);
