//! The SOS panel's one read: strategies, if-then plans, people and lines to call, reasons.

use super::Store;
use crate::error::Result;
use crate::support::{pick_sos_strategies, SosSummary, SOS_STRATEGY_LIMIT};

impl Store {
    /// Everything the SOS panel shows, in one call. See [`SosSummary`] for the order of each
    /// part.
    pub fn sos_summary(&self) -> Result<SosSummary> {
        let ranked = self.what_works()?;
        let strategies =
            pick_sos_strategies(self.list_strategies(false)?, &ranked, SOS_STRATEGY_LIMIT);
        let plan = self.plan()?.plan;
        Ok(SosSummary {
            strategies,
            if_then_plans: plan.high_risk_situations,
            call_list: self.list_contacts()?,
            people_to_call: plan.people_to_call,
            helplines: self.region_helplines()?,
            reasons: plan.reasons,
        })
    }
}
