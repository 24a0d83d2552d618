"""What every label set has: each word the generated pages print."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Labels:
    """Every word the generated pages print that does not come from the journeys."""

    journeys: str
    journey: str
    journey_map: str
    stages: str
    stage: str
    steps: str
    step: str
    milestones: str
    milestone: str
    departments: str
    department: str
    touchpoints: str
    touchpoint: str
    personas: str
    persona: str
    phases: str
    phase: str
    success: str
    owner: str
    owner_mark: str
    size: str
    goal: str
    kpis: str
    flow: str
    experience: str
    scores: tuple[str, str, str, str, str]
    frontstage: str
    backstage: str
    thoughts: str
    pain_points: str
    opportunities: str
    next_steps: str
    previous_steps: str
    end_of_path: str
    value: str
    signal: str
    target: str
    when_stuck: str
    previous_stage: str
    next_stage: str
    stage_of: str
    departments_by_stage: str
    departments_by_stage_intro: str
    departments_by_journey: str
    departments_by_journey_intro: str
    matrix_legend: str
    handovers: str
    from_department: str
    at_step: str
    to_department: str
    next_step: str
    receives_from: str
    hands_over_to: str
    handover_at: str
    lead: str
    contact: str
    reviewers: str
    department_summary: str
    work: str
    systems: str
    touchpoints_owned: str
    milestones_owned: str
    channel: str
    no_channel: str
    used_in: str
    not_used: str
    all_touchpoints: str
    all_personas: str
    success_in_their_eyes: str
    evidence: str
    milestones_intro: str
    phases_intro: str
    no_journeys: str
    no_departments: str
    no_touchpoints: str
    no_personas: str
    stage_flow_title: str
    stage_flow_description: str
    step_flow_title: str
    step_flow_description: str
    diagram_part: str
    diagram_split_note: str
    experience_title: str
    experience_description: str
    experience_averaged: str
    average: str
    department_map_title: str
    department_map_description: str
    folded_stage: str
    folded_steps: str
    folded_step: str
    more_steps: str
    all_departments: str
    journey_map_intro: str
    active_in: str
    touchpoints_by_stage: str
    touchpoints_by_stage_intro: str
    stage_share: str
    serve_errors: str
    diagram_simplified: str
