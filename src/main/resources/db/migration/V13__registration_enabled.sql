-- A tool administrator can switch a registration off (the administrators' console and API): its
-- launches are refused and its queued scores wait until it is switched on again. Loading the
-- platform files at start-up never switches a registration back on.
ALTER TABLE platform_registration ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
