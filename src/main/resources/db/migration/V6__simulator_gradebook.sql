-- The simulator's gradebook: the score it holds per line item and learner, as AGS 2.0 delivered it
-- (one row per pair, replaced by a newer score as Moodle does). Unused when the simulator is off.
CREATE TABLE sim_score (
  id                VARCHAR(330)  PRIMARY KEY,
  line_item_id      VARCHAR(64)   NOT NULL,
  user_id           VARCHAR(255)  NOT NULL,
  score_given       DOUBLE PRECISION,
  score_maximum     DOUBLE PRECISION NOT NULL,
  score_comment     VARCHAR(4000),
  activity_progress VARCHAR(20)   NOT NULL,
  grading_progress  VARCHAR(20)   NOT NULL,
  score_timestamp   TIMESTAMP WITH TIME ZONE NOT NULL,
  timestamp_text    VARCHAR(64)   NOT NULL,
  received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT sim_score_pair UNIQUE (line_item_id, user_id)
);
