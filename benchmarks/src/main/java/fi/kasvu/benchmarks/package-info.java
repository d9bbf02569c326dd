/** Load generators and JMH benchmarks; run by hand, results in docs/benchmarks.md. */
package fi.kasvu.benchmarks;
