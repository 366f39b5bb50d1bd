package org.trustrepair.advisor.questionnaire;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web pages, under {@code advisor.web}.
 *
 * @param leaveUrl Where "Leave this page quickly" goes: a neutral site that gives nothing away.
 */
@ConfigurationProperties("advisor.web")
record WebSettings(
        @DefaultValue("https://www.bbc.com/weather") String leaveUrl) {}
