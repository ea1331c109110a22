/**
 * Cost optimisation: recommendations computed from stored call records (each with its evidence, a
 * bootstrap interval on its monthly saving and a confidence taken from the data) or recorded by a
 * person, the controls the service applies when one is implemented (an endpoint's output cap and
 * thinking budget; its model through routing's public model choices), and ROI measured over equal
 * windows before and after. It never changes routing's tables itself.
 */
package dev.lrcp.optimization;
