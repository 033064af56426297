-- Faults the simulated platform was told to show until a moment (its scores endpoint down or hanging,
-- its token endpoint refusing), so a tester can watch the tool's score outbox ride them out. Kept in
-- the database so that they last across a restart of the tool, as an outage of a real LMS would.
CREATE TABLE sim_fault (
  kind     VARCHAR(30) PRIMARY KEY,
  until_at TIMESTAMP WITH TIME ZONE NOT NULL
);
