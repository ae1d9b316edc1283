package org.everseed.api.rest.report;

/**
 * When a share of the targeted agents had completed a release.
 *
 * @param percent 50, 90 or 100
 * @param agentsNeeded how many completed agents that share is (rounded up)
 * @param millisFromPublish time from publication to the completion of the {@code agentsNeeded}-th
 *     agent; {@code null} while not reached
 */
public record CompletionMilestone(int percent, int agentsNeeded, Long millisFromPublish) {}
