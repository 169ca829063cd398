//! `waymark meeting ...`, `waymark reminders ...` and `waymark ics ...`: the schedule.

pub mod calendar;
pub mod input;
pub mod meetings;
pub mod reminders;
pub mod repeat;
