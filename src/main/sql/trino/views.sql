-- MTA-STS Census: Trino tables and views over the same Parquet as src/main/sql/duckdb/views.sql.
--
-- UNTESTED: Trino is not installed on the machines this project is built on. This file was written against the
-- Trino documentation (Hive connector, SQL syntax) and has never been executed; only its column list is checked
-- (against ResultColumns, by TrinoViewsFileTest). Treat it as a starting point and run it on a test catalog first.
--
-- Needs a Hive connector catalog named `hive` whose metastore (Hive metastore service, Glue, or the file metastore)
-- may register external tables, e.g. etc/catalog/hive.properties:
--   connector.name=hive
--   hive.metastore=file
--   hive.metastore.catalog.dir=file:///srv/trino/metastore
--   hive.non-managed-table-writes-enabled=false
-- (plus the file system settings for HDFS or S3 where the data lives).
--
-- Replace tokens before running (e.g. with sed):
--   @SCANS_LOCATION@  the folder holding scan_date=YYYY-MM-DD/scan_id=ID/ folders: one scan output root such as
--                     file:///srv/mtasts/data/scans/nightly (Hive tables read one root, not a glob over several;
--                     register one table per root and UNION ALL them in scan_results if there are several)
--   @STATS_LOCATION@  one output folder of mtasts stats (e.g. the latest nightly one). Hive cannot glob across
--                     stats outputs, and the outputs' folder names are not partitions of the rows they hold (a
--                     multi-scan output is named after its last scan), so history comes from adoption_daily over
--                     the scan rows, and the stats tables are re-pointed after each nightly run with DROP TABLE
--                     and CREATE TABLE (dropping an external table leaves its files in place).
--
-- Definitions follow docs/stats.md (the rules written by mtasts stats), as in the DuckDB file.

CREATE SCHEMA IF NOT EXISTS hive.mtasts;

-- One row per scanned domain (docs/schema.md), partitioned by the scan's folders.
CREATE TABLE IF NOT EXISTS hive.mtasts.scan_rows (
  schema_version           integer,
  domain                   varchar,
  scanned_at               timestamp,
  outcome                  varchar,
  outcome_lenient          varchar,
  record_valid             boolean,
  policy_fetched           boolean,
  policy_valid             boolean,
  policy_mode              varchar,
  mx_coverage              varchar,
  delivery_risk            varchar,
  tlsrpt                   varchar,
  findings                 array(varchar),
  finding_details          array(varchar),
  sts_id                   varchar,
  policy_max_age           bigint,
  mx_patterns              array(varchar),
  mx_uncovered             array(varchar),
  primary_mx_covered       boolean,
  tlsrpt_rua               array(varchar),
  txt_status               varchar,
  txt_records              array(varchar),
  txt_cname_chain          array(varchar),
  mx_status                varchar,
  mx_records               array(varchar),
  tlsrpt_status            varchar,
  tlsrpt_records           array(varchar),
  policy_host_a_status     varchar,
  policy_host_aaaa_status  varchar,
  policy_host_addresses    array(varchar),
  policy_host_cname_chain  array(varchar),
  dns_errors               array(varchar),
  fetch_status             varchar,
  fetch_detail             varchar,
  http_status              integer,
  content_type             varchar,
  location                 varchar,
  policy_bytes             integer,
  policy_text              varchar,
  fetch_ms                 bigint,
  tls_protocol             varchar,
  cert_subject             varchar,
  cert_issuer              varchar,
  cert_not_after           varchar,
  cert_dns_names           array(varchar),
  duration_ms              bigint,
  scan_error               varchar,
  scan_date                varchar,
  scan_id                  varchar
)
WITH (external_location = '@SCANS_LOCATION@', format = 'PARQUET', partitioned_by = ARRAY['scan_date', 'scan_id']);

-- Registers scan folders written since the last call; run it after every nightly scan (before the dashboards
-- refresh). Staging folders (_staging/) are not partition folders and are ignored.
CALL hive.system.sync_partition_metadata('mtasts', 'scan_rows', 'ADD');

CREATE OR REPLACE VIEW hive.mtasts.scan_results AS
SELECT * FROM hive.mtasts.scan_rows;

CREATE OR REPLACE VIEW hive.mtasts.domain_flags AS
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
FROM hive.mtasts.scan_results;

CREATE OR REPLACE VIEW hive.mtasts.adopters AS
SELECT *
FROM hive.mtasts.scan_results
WHERE outcome NOT IN ('NO_DOMAIN', 'NO_RECORD', 'UNDETERMINED');

CREATE OR REPLACE VIEW hive.mtasts.findings_long AS
SELECT s.scan_date, s.scan_id, s.domain, s.outcome,
       s.outcome NOT IN ('NO_DOMAIN', 'NO_RECORD', 'UNDETERMINED') AS sts_record,
       f.code
FROM hive.mtasts.scan_results s
CROSS JOIN UNNEST(s.findings) AS f (code);

CREATE OR REPLACE VIEW hive.mtasts.findings_daily AS
SELECT scan_date, scan_id, code,
       count_if(outcome NOT IN ('NO_DOMAIN', 'UNDETERMINED')) AS domains,
       count_if(sts_record) AS adopters
FROM hive.mtasts.findings_long
GROUP BY scan_date, scan_id, code;

CREATE OR REPLACE VIEW hive.mtasts.adoption_daily AS
SELECT scan_date,
       scan_id,
       count(*) AS scanned,
       count_if(nxdomain) AS nxdomain,
       count_if(undetermined) AS undetermined,
       count_if(existing) AS existing,
       count_if(measured) AS measured,
       count_if(sts_record) AS sts_record,
       count_if(record_valid) AS record_valid,
       count_if(policy_usable) AS policy_usable,
       count_if(policy_usable_lenient) AS policy_usable_lenient,
       count_if(mode_enforce) AS mode_enforce,
       count_if(mode_testing) AS mode_testing,
       count_if(mode_none) AS mode_none,
       count_if(misconfigured) AS misconfigured,
       count_if(outcome_flip) AS outcome_flips,
       -- integer division would truncate: cast first; NULL when the denominator is 0, as in the stats
       CAST(count_if(sts_record) AS double) / nullif(count_if(measured), 0) AS share_sts_record,
       CAST(count_if(policy_usable) AS double) / nullif(count_if(measured), 0) AS share_policy_usable,
       CAST(count_if(mode_enforce) AS double) / nullif(count_if(measured), 0) AS share_enforce,
       CAST(count_if(misconfigured) AS double) / nullif(count_if(sts_record), 0) AS share_misconfigured,
       CAST(count_if(undetermined) AS double) / nullif(count_if(existing), 0) AS share_undetermined
FROM hive.mtasts.domain_flags
GROUP BY scan_date, scan_id;

CREATE OR REPLACE VIEW hive.mtasts.adoption_by_tld AS
SELECT scan_date,
       scan_id,
       tld,
       count(*) AS scanned,
       count_if(existing) AS existing,
       count_if(measured) AS measured,
       count_if(sts_record) AS sts_record,
       count_if(policy_usable) AS policy_usable,
       count_if(mode_enforce) AS mode_enforce,
       count_if(misconfigured) AS misconfigured,
       CAST(count_if(sts_record) AS double) / nullif(count_if(measured), 0) AS share_sts_record,
       CAST(count_if(mode_enforce) AS double) / nullif(count_if(measured), 0) AS share_enforce,
       CAST(count_if(misconfigured) AS double) / nullif(count_if(sts_record), 0) AS share_misconfigured
FROM hive.mtasts.domain_flags
GROUP BY scan_date, scan_id, tld;

-- Last CNAME target of mta-sts.<domain> as a host name; PSL grouping is in stats_policy_hosting.
CREATE OR REPLACE VIEW hive.mtasts.policy_hosting AS
SELECT scan_date,
       scan_id,
       CASE WHEN cardinality(policy_host_cname_chain) = 0 THEN '(no CNAME)'
            ELSE element_at(policy_host_cname_chain, -1) END AS policy_host_target,
       count(*) AS domains,
       count_if(outcome IN ('VALID_NONE', 'VALID_TESTING', 'VALID_ENFORCE')) AS policy_usable,
       count_if(outcome = 'VALID_ENFORCE') AS mode_enforce
FROM hive.mtasts.adopters
GROUP BY 1, 2, 3;

-- Stats tables of one stats output (columns in docs/stats.md). Declared types are those of the stats job's
-- Parquet as read back with DuckDB (scan_date varchar, counts bigint, rank integer, shares double, flipped
-- boolean); columns are matched by name.
CREATE TABLE IF NOT EXISTS hive.mtasts.stats_adoption (
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  scope                    varchar,
  scope_value              varchar,
  scanned                  bigint,
  nxdomain                 bigint,
  undetermined             bigint,
  undetermined_sts_record  bigint,
  existing                 bigint,
  measured                 bigint,
  sts_record               bigint,
  record_valid             bigint,
  policy_usable            bigint,
  policy_usable_lenient    bigint,
  mode_enforce             bigint,
  mode_testing             bigint,
  mode_none                bigint,
  misconfigured            bigint,
  share_sts_record         double,
  share_policy_usable      double,
  share_enforce            double,
  share_misconfigured      double,
  share_undetermined       double
)
WITH (external_location = '@STATS_LOCATION@/parquet/adoption', format = 'PARQUET');

CREATE TABLE IF NOT EXISTS hive.mtasts.stats_findings (
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  code                     varchar,
  severity                 varchar,
  rfc                      varchar,
  domains                  bigint,
  adopters                 bigint,
  share_measured           double,
  share_adopters           double
)
WITH (external_location = '@STATS_LOCATION@/parquet/findings', format = 'PARQUET');

CREATE TABLE IF NOT EXISTS hive.mtasts.stats_severities (
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  severity                 varchar,
  adopters_any             bigint,
  adopters_worst           bigint,
  share_any                double,
  share_worst              double
)
WITH (external_location = '@STATS_LOCATION@/parquet/severities', format = 'PARQUET');

CREATE TABLE IF NOT EXISTS hive.mtasts.stats_misconfiguration (
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  reason                   varchar,
  domains                  bigint,
  denominator              bigint,
  share                    double
)
WITH (external_location = '@STATS_LOCATION@/parquet/misconfiguration', format = 'PARQUET');

CREATE TABLE IF NOT EXISTS hive.mtasts.stats_delivery_risk (
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  risk                     varchar,
  domains                  bigint,
  denominator              bigint,
  share                    double
)
WITH (external_location = '@STATS_LOCATION@/parquet/delivery_risk', format = 'PARQUET');

CREATE TABLE IF NOT EXISTS hive.mtasts.stats_outcome_flips (
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  outcome                  varchar,
  outcome_lenient          varchar,
  domains                  bigint,
  flipped                  boolean,
  share                    double
)
WITH (external_location = '@STATS_LOCATION@/parquet/outcome_flips', format = 'PARQUET');

CREATE TABLE IF NOT EXISTS hive.mtasts.stats_mx_coverage (
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  mode                     varchar,
  coverage                 varchar,
  domains                  bigint,
  denominator              bigint,
  share                    double
)
WITH (external_location = '@STATS_LOCATION@/parquet/mx_coverage', format = 'PARQUET');

CREATE TABLE IF NOT EXISTS hive.mtasts.stats_max_age (
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  bucket                   varchar,
  lower_seconds            bigint,
  upper_seconds            bigint,
  domains                  bigint,
  denominator              bigint,
  share                    double
)
WITH (external_location = '@STATS_LOCATION@/parquet/max_age', format = 'PARQUET');

CREATE TABLE IF NOT EXISTS hive.mtasts.stats_tlsrpt (
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  population               varchar,
  tlsrpt                   varchar,
  domains                  bigint,
  denominator              bigint,
  share                    double
)
WITH (external_location = '@STATS_LOCATION@/parquet/tlsrpt', format = 'PARQUET');

CREATE TABLE IF NOT EXISTS hive.mtasts.stats_fetch_status (
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  fetch_status             varchar,
  domains                  bigint,
  denominator              bigint,
  share                    double
)
WITH (external_location = '@STATS_LOCATION@/parquet/fetch_status', format = 'PARQUET');

CREATE TABLE IF NOT EXISTS hive.mtasts.stats_undetermined (
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  reason                   varchar,
  domains                  bigint,
  denominator              bigint,
  share                    double
)
WITH (external_location = '@STATS_LOCATION@/parquet/undetermined', format = 'PARQUET');

CREATE TABLE IF NOT EXISTS hive.mtasts.stats_policy_hosting (
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  rank                     integer,
  provider                 varchar,
  domains                  bigint,
  policy_usable            bigint,
  denominator              bigint,
  share                    double
)
WITH (external_location = '@STATS_LOCATION@/parquet/policy_hosting', format = 'PARQUET');

CREATE TABLE IF NOT EXISTS hive.mtasts.stats_policy_host_networks (
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  rank                     integer,
  network                  varchar,
  domains                  bigint,
  denominator              bigint,
  share                    double
)
WITH (external_location = '@STATS_LOCATION@/parquet/policy_host_networks', format = 'PARQUET');

CREATE TABLE IF NOT EXISTS hive.mtasts.stats_mail_providers (
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  rank                     integer,
  provider                 varchar,
  domains                  bigint,
  mode_enforce             bigint,
  denominator              bigint,
  share                    double
)
WITH (external_location = '@STATS_LOCATION@/parquet/mail_providers', format = 'PARQUET');

CREATE TABLE IF NOT EXISTS hive.mtasts.stats_changes ( -- only with mtasts stats --previous
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  kind                     varchar,
  from_value               varchar,
  to_value                 varchar,
  domains                  bigint
)
WITH (external_location = '@STATS_LOCATION@/parquet/changes', format = 'PARQUET');

CREATE TABLE IF NOT EXISTS hive.mtasts.stats_change_domains ( -- only with mtasts stats --previous
  scan_date                varchar,
  scan_id                  varchar,
  list                     varchar,
  domain                   varchar,
  kind                     varchar,
  from_value               varchar,
  to_value                 varchar,
  previous_sts_id          varchar,
  current_sts_id           varchar
)
WITH (external_location = '@STATS_LOCATION@/parquet/change_domains', format = 'PARQUET');
