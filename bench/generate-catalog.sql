-- Fills the catalog with :count synthetic releases for the search benchmark (bench/search.sh):
-- realistic names, versions, tags and descriptions spread over 40 channels. The torrent column
-- holds a placeholder: these rows are for measuring catalog queries, not for downloading.
-- Usage: psql -v count=100000 -f bench/generate-catalog.sql <database>
\set ON_ERROR_STOP on

INSERT INTO channel (name, description)
SELECT 'bench/' || p || '/' || a, 'benchmark channel'
FROM unnest(ARRAY['patches', 'apps', 'datasets', 'images', 'docs']) p,
     unnest(ARRAY['linux-x64', 'linux-arm64', 'windows', 'macos', 'erp', 'crm', 'hr', 'finance']) a
ON CONFLICT (name) DO NOTHING;

WITH words AS (
  SELECT ARRAY['kernel', 'openssl', 'postgres', 'nginx', 'java', 'erp', 'crm', 'billing',
               'payroll', 'inventory', 'reporting', 'gateway', 'firmware', 'driver', 'agent',
               'browser', 'office', 'vpn', 'backup', 'monitoring', 'analytics', 'ledger',
               'warehouse', 'catalog', 'search', 'identity', 'scheduler', 'compiler', 'runtime',
               'dashboard'] AS w
), channels AS (
  SELECT array_agg(id ORDER BY id) AS ids FROM channel WHERE name LIKE 'bench/%'
)
INSERT INTO release (channel_id, name, version, kind, description, tags, info_hash, piece_length,
                     total_size, torrent, payload_path, publisher, created_at)
SELECT c.ids[1 + (g % array_length(c.ids, 1))],
       w.w[1 + (g % 30)] || '-' || w.w[1 + ((g / 30) % 30)],
       (g / 900) % 10 || '.' || (g / 9000) % 10 || '.' || g,
       (ARRAY['PATCH', 'APPLICATION', 'DATASET', 'IMAGE', 'DOCUMENT', 'OTHER'])[1 + g % 6],
       'Release of ' || w.w[1 + (g % 30)] || ' with fixes for ' || w.w[1 + ((g / 7) % 30)]
         || ' and ' || w.w[1 + ((g / 11) % 30)] || ' integration; build ' || g,
       w.w[1 + ((g / 3) % 30)] || ',' || w.w[1 + ((g / 5) % 30)] || ',bench',
       encode(sha256(('bench-release-' || g)::bytea), 'hex')::varchar(40),
       262144,
       1048576 + (g % 1000) * 4096,
       '\x00'::bytea,
       'bench/' || g,
       'bench-publisher',
       now() - make_interval(mins => g)
FROM generate_series(1, :count) g, words w, channels c
ON CONFLICT DO NOTHING;

ANALYZE release;
