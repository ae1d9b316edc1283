-- Generated distribution history for the report benchmark (bench/reports.sh): :agents agents in
-- 20 sites, :releases releases over 10 channels, each agent subscribed to one channel, and for
-- every release each targeted agent's STARTED and then COMPLETED (4 % FAILED) report, plus the
-- tracker's "completed" event for one agent in ten. With the defaults (10,000 agents, 1,000
-- releases) every release targets 1,000 agents: 2,000,000 reports, 100,000 tracker events.
-- Usage: psql -v agents=10000 -v releases=1000 -f bench/generate-reports.sql <database>
\set ON_ERROR_STOP on

INSERT INTO channel (name, description)
SELECT 'bench-reports/ch' || c, 'report benchmark channel' FROM generate_series(0, 9) c
ON CONFLICT (name) DO NOTHING;

INSERT INTO agent (name, site, version, channels, enrolled_by, status, enrolled_at, last_seen_at)
SELECT 'bench-agent-' || a, 'site-' || (a % 20), '1.0', 'bench-reports/ch' || (a % 10),
       'bench', 'ACTIVE', now() - interval '30 days', now() - make_interval(mins => a % 60)
FROM generate_series(1, :agents) a
ON CONFLICT (name) DO NOTHING;

INSERT INTO release (channel_id, name, version, kind, info_hash, piece_length, total_size, torrent,
                     payload_path, publisher, created_at)
SELECT (SELECT id FROM channel WHERE name = 'bench-reports/ch' || (r % 10)),
       'bench-report-' || r, '1.' || r, 'APPLICATION',
       substr(encode(sha256(('bench-report-' || r)::bytea), 'hex'), 1, 40),
       262144, 104857600, '\x00'::bytea, 'bench-reports/' || r, 'bench-publisher',
       now() - make_interval(hours => r)
FROM generate_series(1, :releases) r
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE bench_pair AS
SELECT r.id AS release_id, r.created_at, r.info_hash, a.id AS agent_id, a.site,
       row_number() OVER (PARTITION BY r.id ORDER BY a.id) AS n
FROM release r
JOIN channel c ON c.id = r.channel_id
JOIN agent a ON a.channels = c.name
WHERE r.publisher = 'bench-publisher' AND r.name LIKE 'bench-report-%';

INSERT INTO distribution_report (agent_id, release_id, state, bytes_from_peers, bytes_from_web_seed,
                                 duration_ms, hook_exit_code, message, reported_at)
SELECT agent_id, release_id, 'STARTED', 0, 0, 0, NULL, '',
       created_at + make_interval(secs => 5 + n % 50)
FROM bench_pair;

INSERT INTO distribution_report (agent_id, release_id, state, bytes_from_peers, bytes_from_web_seed,
                                 duration_ms, hook_exit_code, message, reported_at)
SELECT agent_id, release_id,
       CASE WHEN n % 25 = 0 THEN 'FAILED' ELSE 'COMPLETED' END,
       104857600 - (n % 7) * 10485760, (n % 7) * 10485760, 60000 + n * 300,
       CASE WHEN n % 25 = 0 THEN 1 ELSE 0 END,
       CASE WHEN n % 25 = 0 THEN 'post-install hook exited 1' ELSE 'installed' END,
       created_at + make_interval(secs => 60 + n * 0.3)
FROM bench_pair;

INSERT INTO tracker_event (occurred_at, passkey, agent_id, site, info_hash, event, peer_id, ip, port,
                           uploaded, downloaded, left_bytes)
SELECT created_at + make_interval(secs => 55 + n * 0.3), lpad(to_hex(agent_id), 32, '0'), agent_id,
       site, info_hash, 'COMPLETED', lpad(to_hex(agent_id), 40, '0'), '10.0.0.1', 6881, 0,
       104857600, 0
FROM bench_pair WHERE n % 10 = 0;

ANALYZE agent;
ANALYZE release;
ANALYZE distribution_report;
ANALYZE tracker_event;
