package org.trustrepair.advisor.advice;

/** Who is asking: the person who broke trust, or the person who was hurt. */
public enum Role {
    BROKE_TRUST,
    WAS_HURT
}
