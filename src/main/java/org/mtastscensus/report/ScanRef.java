package org.mtastscensus.report;

/** The three columns that identify a scan in every stats table. */
record ScanRef(String scanDate, String scanId, String list) {
  boolean matches(String date, String id, String listLabel) {
    return scanDate.equals(date) && scanId.equals(id) && list.equals(listLabel);
  }
}
