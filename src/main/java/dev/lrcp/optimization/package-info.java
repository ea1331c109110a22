/**
 * Cost optimisation: recommendations computed from stored call records (each with its evidence, a
 * bootstrap interval on its monthly saving and a confidence taken from the data) or recorded by a
 * person, the controls the service applies when one is implemented (an endpoint's output-token
 * cap), and ROI measured over equal windows before and after. It never changes routing itself.
 */
package dev.lrcp.optimization;
