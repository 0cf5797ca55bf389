-- MTA-STS Census: DuckDB views over the scan Parquet and the stats Parquet, for dashboards and ad-hoc SQL.
--
-- @DATA_ROOT@ stands for the data folder (the one holding scans/ and stats/), as an absolute path: a DuckDB file
-- database keeps view text, not session variables, so the path has to be written into the views themselves.
--   sed "s|@DATA_ROOT@|$PWD/data|g" src/main/sql/duckdb/views.sql | duckdb data/mtasts.duckdb
-- Views bind when created: create them once at least one scan and one stats output exist. Globs are expanded on
-- every query, so scans and stats written later (the nightly run) appear without re-creating anything.
-- The definitions follow docs/stats.md (adopter, measured, misconfigured, ...), so adoption_daily and
-- stats_adoption (scope ALL) agree for the same scan. Optional stats tables (changes, change_domains) are in
-- views-changes.sql: load it once a stats run with --previous exists.

-- ---------------------------------------------------------------------------------------------------------
-- Scan rows: data/scans/<job>/scan_date=YYYY-MM-DD/scan_id=ID/*.parquet (one row per domain, docs/schema.md).
-- scan_id is typed explicitly: hive autocasting would turn an ID such as 20261128 into a number.
-- The staging area (_staging/scan_id=ID/...) has no scan_date= level, so half-written scans never match.
-- ---------------------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW scan_results AS
SELECT *
FROM read_parquet('@DATA_ROOT@/scans/**/scan_date=*/scan_id=*/*.parquet',
                  hive_partitioning = true,
                  hive_types = {'scan_date': DATE, 'scan_id': VARCHAR},
                  union_by_name = true);

-- One row per scan folder from its _run.json: the list label the stats job uses (list_id, else the input file
-- names joined with '+'), timings and row count. Date and ID come from the folder, as for scan_results, so a
-- folder copied or renamed still joins to its own rows.
CREATE OR REPLACE VIEW scan_runs AS
SELECT CAST(regexp_extract(filename, 'scan_date=([^/]+)/scan_id=[^/]+/_run\.json$', 1) AS DATE) AS scan_date,
       regexp_extract(filename, 'scan_id=([^/]+)/_run\.json$', 1) AS scan_id,
       -- file names without their folders, joined with '+' (no lambda: its syntax differs across DuckDB versions)
       coalesce(configuration.list_id,
                regexp_replace(array_to_string(configuration.inputs, '+'), '[^+]*/', '', 'g')) AS list,
       configuration.input_format AS input_format,
       CAST(started_at AS TIMESTAMP) AS started_at,
       CAST(finished_at AS TIMESTAMP) AS finished_at,
       CAST("rows" AS BIGINT) AS "rows",
       filename AS run_file
FROM read_json('@DATA_ROOT@/scans/**/scan_date=*/scan_id=*/_run.json',
               union_by_name = true, filename = true, hive_partitioning = false);

-- The per-row definitions of docs/stats.md in one place; every aggregate below counts these flags.
CREATE OR REPLACE VIEW domain_flags AS
SELECT scan_date,
       scan_id,
       domain,
       regexp_extract(domain, '[^.]+$') AS tld,
       outcome,
       outcome = 'NO_DOMAIN' AS nxdomain,
       outcome = 'UNDETERMINED' AS undetermined,
       outcome <> 'NO_DOMAIN' AS existing,
       outcome NOT IN ('NO_DOMAIN', 'UNDETERMINED') AS measured,
       outcome NOT IN ('NO_DOMAIN', 'NO_RECORD', 'UNDETERMINED') AS sts_record,
       record_valid AND outcome <> 'UNDETERMINED' AS record_valid,
       outcome IN ('VALID_NONE', 'VALID_TESTING', 'VALID_ENFORCE') AS policy_usable,
       outcome_lenient IN ('VALID_NONE', 'VALID_TESTING', 'VALID_ENFORCE') AS policy_usable_lenient,
       outcome = 'VALID_ENFORCE' AS mode_enforce,
       outcome = 'VALID_TESTING' AS mode_testing,
       outcome = 'VALID_NONE' AS mode_none,
       -- mta-sts-rules.md §3.1; coalesce because delivery_risk is null outside VALID_ENFORCE
       outcome NOT IN ('NO_DOMAIN', 'NO_RECORD', 'UNDETERMINED')
           AND (outcome IN ('RECORD_INVALID', 'POLICY_UNAVAILABLE', 'POLICY_INVALID')
                OR coalesce(delivery_risk IN ('PARTIAL', 'TOTAL'), false)) AS misconfigured,
       outcome <> outcome_lenient AND outcome NOT IN ('NO_DOMAIN', 'UNDETERMINED') AS outcome_flip
FROM scan_results;

-- Adopters: an STS-looking record was found and the verdict is determined (sts_record in docs/stats.md).
CREATE OR REPLACE VIEW adopters AS
SELECT s.*
FROM scan_results s
WHERE s.outcome NOT IN ('NO_DOMAIN', 'NO_RECORD', 'UNDETERMINED');

-- One row per domain and finding code. Severities are not in the scan rows: join stats_findings on code.
CREATE OR REPLACE VIEW findings_long AS
SELECT scan_date, scan_id, domain, outcome,
       outcome NOT IN ('NO_DOMAIN', 'NO_RECORD', 'UNDETERMINED') AS sts_record,
       code
FROM (SELECT scan_date, scan_id, domain, outcome, unnest(findings) AS code FROM scan_results);

-- Per scan and finding code: domains among measured rows and among adopters (stats table findings, minus the
-- codes no domain has).
CREATE OR REPLACE VIEW findings_daily AS
SELECT scan_date, scan_id, code,
       count(*) FILTER (WHERE outcome NOT IN ('NO_DOMAIN', 'UNDETERMINED')) AS domains,
       count(*) FILTER (WHERE sts_record) AS adopters
FROM findings_long
GROUP BY scan_date, scan_id, code;

-- Headline per scan (time series for dashboards). Shares are NULL when their denominator is 0, as in the stats.
CREATE OR REPLACE VIEW adoption_daily AS
SELECT f.scan_date,
       f.scan_id,
       any_value(r.list) AS list,
       count(*) AS scanned,
       count(*) FILTER (WHERE nxdomain) AS nxdomain,
       count(*) FILTER (WHERE undetermined) AS undetermined,
       count(*) FILTER (WHERE existing) AS existing,
       count(*) FILTER (WHERE measured) AS measured,
       count(*) FILTER (WHERE sts_record) AS sts_record,
       count(*) FILTER (WHERE record_valid) AS record_valid,
       count(*) FILTER (WHERE policy_usable) AS policy_usable,
       count(*) FILTER (WHERE policy_usable_lenient) AS policy_usable_lenient,
       count(*) FILTER (WHERE mode_enforce) AS mode_enforce,
       count(*) FILTER (WHERE mode_testing) AS mode_testing,
       count(*) FILTER (WHERE mode_none) AS mode_none,
       count(*) FILTER (WHERE misconfigured) AS misconfigured,
       count(*) FILTER (WHERE outcome_flip) AS outcome_flips,
       count(*) FILTER (WHERE sts_record) / nullif(count(*) FILTER (WHERE measured), 0) AS share_sts_record,
       count(*) FILTER (WHERE policy_usable) / nullif(count(*) FILTER (WHERE measured), 0) AS share_policy_usable,
       count(*) FILTER (WHERE mode_enforce) / nullif(count(*) FILTER (WHERE measured), 0) AS share_enforce,
       count(*) FILTER (WHERE misconfigured) / nullif(count(*) FILTER (WHERE sts_record), 0) AS share_misconfigured,
       count(*) FILTER (WHERE undetermined) / nullif(count(*) FILTER (WHERE existing), 0) AS share_undetermined
FROM domain_flags f
-- one label per scan even when the same scan folder sits under two roots
LEFT JOIN (SELECT scan_date, scan_id, string_agg(DISTINCT list, ' | ') AS list FROM scan_runs GROUP BY ALL) r
       ON r.scan_date = f.scan_date AND r.scan_id = f.scan_id
GROUP BY f.scan_date, f.scan_id;

-- The same per TLD (last label), for maps and per-TLD bar charts.
CREATE OR REPLACE VIEW adoption_by_tld AS
SELECT scan_date,
       scan_id,
       tld,
       count(*) AS scanned,
       count(*) FILTER (WHERE existing) AS existing,
       count(*) FILTER (WHERE measured) AS measured,
       count(*) FILTER (WHERE sts_record) AS sts_record,
       count(*) FILTER (WHERE policy_usable) AS policy_usable,
       count(*) FILTER (WHERE mode_enforce) AS mode_enforce,
       count(*) FILTER (WHERE misconfigured) AS misconfigured,
       count(*) FILTER (WHERE sts_record) / nullif(count(*) FILTER (WHERE measured), 0) AS share_sts_record,
       count(*) FILTER (WHERE mode_enforce) / nullif(count(*) FILTER (WHERE measured), 0) AS share_enforce,
       count(*) FILTER (WHERE misconfigured) / nullif(count(*) FILTER (WHERE sts_record), 0) AS share_misconfigured
FROM domain_flags
GROUP BY scan_date, scan_id, tld;

-- Who serves adopters' policies: the last CNAME target of mta-sts.<domain>, as a host name. Grouping by
-- registrable domain needs the Public Suffix List, which SQL does not have: stats_policy_hosting does that.
CREATE OR REPLACE VIEW policy_hosting AS
SELECT scan_date,
       scan_id,
       CASE WHEN len(policy_host_cname_chain) = 0 THEN '(no CNAME)'
            ELSE policy_host_cname_chain[len(policy_host_cname_chain)] END AS policy_host_target,
       count(*) AS domains,
       count(*) FILTER (WHERE outcome IN ('VALID_NONE', 'VALID_TESTING', 'VALID_ENFORCE')) AS policy_usable,
       count(*) FILTER (WHERE outcome = 'VALID_ENFORCE') AS mode_enforce
FROM adopters
GROUP BY ALL;

-- ---------------------------------------------------------------------------------------------------------
-- Stats tables: data/stats/<any depth>/parquet/<table>/part-*.parquet, written by `mtasts stats`; the columns
-- are those of docs/stats.md (scan_date, scan_id, list first). stats_dir names the output a row came from:
-- two stats outputs over the same scan hold the same rows twice, so filter on stats_dir or on scan_id.
-- hive_partitioning is off because the folder names (scan_date=/scan_id= of the last scan) must not replace the
-- per-row scan columns of a multi-scan output.
-- ---------------------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW stats_adoption AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/adoption/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/adoption/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);

CREATE OR REPLACE VIEW stats_findings AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/findings/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/findings/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);

CREATE OR REPLACE VIEW stats_severities AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/severities/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/severities/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);

CREATE OR REPLACE VIEW stats_misconfiguration AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/misconfiguration/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/misconfiguration/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);

CREATE OR REPLACE VIEW stats_delivery_risk AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/delivery_risk/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/delivery_risk/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);

CREATE OR REPLACE VIEW stats_outcome_flips AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/outcome_flips/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/outcome_flips/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);

CREATE OR REPLACE VIEW stats_mx_coverage AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/mx_coverage/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/mx_coverage/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);

CREATE OR REPLACE VIEW stats_max_age AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/max_age/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/max_age/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);

CREATE OR REPLACE VIEW stats_tlsrpt AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/tlsrpt/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/tlsrpt/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);

CREATE OR REPLACE VIEW stats_fetch_status AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/fetch_status/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/fetch_status/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);

CREATE OR REPLACE VIEW stats_undetermined AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/undetermined/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/undetermined/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);

CREATE OR REPLACE VIEW stats_policy_hosting AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/policy_hosting/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/policy_hosting/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);

CREATE OR REPLACE VIEW stats_policy_host_networks AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/policy_host_networks/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/policy_host_networks/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);

CREATE OR REPLACE VIEW stats_mail_providers AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/mail_providers/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/mail_providers/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);
