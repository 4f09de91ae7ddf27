/**
 * Where one report comes from (AWS, a file, standard input, s3://) and the page's history of saved
 * reports. May use aws, render, store, audit, report, io and core.
 */
package dev.credreport.source;
