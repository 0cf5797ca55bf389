-- MTA-STS Census: DuckDB views over the optional stats tables, written only by `mtasts stats --previous`.
-- Kept apart from views.sql because DuckDB binds a view when it is created and a glob without files fails:
-- load this file once a stats output with changes exists (same @DATA_ROOT@ replacement as views.sql).

CREATE OR REPLACE VIEW stats_changes AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/changes/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/changes/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);

CREATE OR REPLACE VIEW stats_change_domains AS
SELECT * EXCLUDE (filename), regexp_replace(filename, '/parquet/change_domains/[^/]*$', '') AS stats_dir
FROM read_parquet('@DATA_ROOT@/stats/**/parquet/change_domains/*.parquet',
                  hive_partitioning = false, filename = true, union_by_name = true);
