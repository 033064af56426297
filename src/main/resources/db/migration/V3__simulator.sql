-- The built-in platform simulator's own data (a demo course). Unused when the simulator is off.
CREATE TABLE sim_launch (
  id               VARCHAR(64)  PRIMARY KEY,
  user_id          VARCHAR(64)  NOT NULL,
  message_type     VARCHAR(40)  NOT NULL,
  resource_link_id VARCHAR(64),
  locale           VARCHAR(16)  NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sim_resource_link (
  id           VARCHAR(64)   PRIMARY KEY,
  title        VARCHAR(300)  NOT NULL,
  description  VARCHAR(2000),
  custom_json  VARCHAR(4000),
  line_item_id VARCHAR(64),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sim_line_item (
  id               VARCHAR(64)  PRIMARY KEY,
  label            VARCHAR(300) NOT NULL,
  score_maximum    DOUBLE PRECISION NOT NULL,
  resource_id      VARCHAR(255),
  tag              VARCHAR(255),
  resource_link_id VARCHAR(64),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What the simulator received from the tool (deep-linking responses, later scores), to show it.
CREATE SEQUENCE sim_received_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE sim_received (
  id          BIGINT PRIMARY KEY,
  kind        VARCHAR(40)   NOT NULL,
  summary     VARCHAR(4000) NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
