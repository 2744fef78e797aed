/**
 * Recovery after a classified generation failure: actions (pure request changes, backend moves and
 * human fixes) with their odds and costs, and a planner that ranks them for an error, a request and
 * a GPU.
 */
package dev.storycore.generation.recovery;
