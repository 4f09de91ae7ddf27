/**
 * From finding to fix (issue 25): the plan model and its versioned JSON ({@link PlanJson}), the safety rules
 * ({@link Safety}, pure functions on an injected clock), planning from audit findings ({@link Planner}) and the
 * apply state machine that re-checks each action just before it acts ({@link Applier}). AWS is reached only
 * through {@link IamFixes}, which the aws package implements.
 *
 * <p>May use: audit, report, io, core.
 */
package dev.credreport.fix;
