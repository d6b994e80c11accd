/** The run report: a data model of one search run and its rendering as a self-contained HTML page with charts. */
package org.automlzero.runs.report;
