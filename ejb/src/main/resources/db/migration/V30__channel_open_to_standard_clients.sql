-- Issue 13: a channel is private to the fleet (TLS between agents, no plaintext peer) unless an
-- admin opens it to standard BitTorrent clients (aria2c, Transmission, qBittorrent).
ALTER TABLE channel ADD COLUMN open_to_standard_clients BOOLEAN NOT NULL DEFAULT false;
