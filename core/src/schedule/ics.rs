//! Calendar files (RFC 5545): export the schedule, import meetings. (Being written.)
