-- The gradebook column (AGS 2.0 line item) a resource link's scores go to, once the tool found or
-- created it (or the launch named it), so later scores skip the search and no second column is
-- created. resolving_by/resolving_until: the one worker allowed to search for or create the line
-- item meanwhile (a claim that lapses), so two instances never create two columns for one link.
-- Keyed like resource_link (registration + deployment + resource link id). No personal data.
CREATE TABLE stored_line_item (
  issuer            VARCHAR(500)  NOT NULL,
  client_id         VARCHAR(255)  NOT NULL,
  deployment_id     VARCHAR(255)  NOT NULL,
  resource_link_id  VARCHAR(255)  NOT NULL,
  lineitem_url      VARCHAR(1000),
  resolving_by      VARCHAR(64),
  resolving_until   TIMESTAMP WITH TIME ZONE,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (issuer, client_id, deployment_id, resource_link_id)
);
