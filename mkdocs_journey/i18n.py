"""Labels of the generated pages, in every supported language."""

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
    backstage: str
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


ENGLISH = Labels(
    journeys="Journeys",
    journey="Journey",
    journey_map="Map of the journeys",
    stages="Stages",
    stage="Stage",
    steps="Steps",
    step="Step",
    milestones="Milestones",
    milestone="Milestone",
    departments="Departments",
    department="Department",
    touchpoints="Touchpoints",
    touchpoint="Touchpoint",
    personas="Personas",
    persona="Persona",
    phases="Lifecycle phases",
    phase="Phase",
    success="Success",
    owner="Owner",
    owner_mark="owner",
    size="Size",
    goal="Goal",
    kpis="KPIs",
    flow="Flow",
    experience="Experience",
    scores=("frustrated", "unhappy", "neutral", "satisfied", "delighted"),
    backstage="Back-stage work",
    pain_points="Pain points",
    opportunities="Opportunities",
    next_steps="Next",
    previous_steps="Comes from",
    end_of_path="end of the path",
    value="Value for the customer",
    signal="Signal",
    target="Target",
    when_stuck="When a customer is stuck",
    previous_stage="Previous stage",
    next_stage="Next stage",
    stage_of="stage {number} of {total}",
    departments_by_stage="Departments by stage",
    departments_by_stage_intro="Steps each department takes part in, per stage; bold when it owns at least one.",
    departments_by_journey="Departments by journey",
    departments_by_journey_intro="Steps each department takes part in, per journey; bold when it owns at least one.",
    matrix_legend="Columns:",
    handovers="Hand-overs",
    from_department="From",
    at_step="At step",
    to_department="To",
    next_step="Next step",
    receives_from="Receives the customer from",
    hands_over_to="Hands the customer over to",
    handover_at="Where",
    lead="Lead",
    contact="Contact",
    reviewers="Reviewers",
    department_summary="Takes part in {steps} steps across {journeys} journeys, owning {owned} of them.",
    work="Work",
    systems="Systems",
    touchpoints_owned="Touchpoints owned",
    milestones_owned="Milestones owned",
    channel="Channel",
    no_channel="Other",
    used_in="Used in",
    not_used="Not used by any journey yet.",
    all_touchpoints="All touchpoints",
    all_personas="All personas",
    success_in_their_eyes="Success in their eyes",
    evidence="Evidence",
    milestones_intro="The customer's success, broken into milestones they can feel, with what to do when a customer does not get there.",
    phases_intro="The customer lifecycle, from unaware to leaving, and the stages of each journey that fall in each phase.",
    no_journeys="No journeys yet.",
    no_departments="No departments yet.",
    no_touchpoints="No touchpoints yet.",
    no_personas="No personas yet.",
    stage_flow_title="Stages of {name}",
    stage_flow_description="The stages in order, dotted arrows jump between stages or to other journeys.",
    step_flow_title="Steps of {name}",
    step_flow_description="The steps in order, dotted arrows lead to or come from other stages and journeys.",
    diagram_part="Part {part} of {parts}: steps {first} to {last}.",
    diagram_split_note="This stage is long, so its flow is drawn in parts; every step is described below.",
    experience_title="Experience along {name}",
    experience_description="How the customer feels at each step, from 1 (frustrated) to 5 (delighted).",
    experience_averaged="The curve shows the average per stage ({count} scored steps); each step's score is on its stage page.",
    average="Average",
    department_map_title="{department} in {journey}",
    department_map_description="The journey with this department's steps highlighted and other steps folded.",
    folded_stage="{name} ({count} steps)",
    folded_steps="{count} other steps",
    folded_step="1 other step",
    more_steps="{count} more steps",
    all_departments="All departments",
    journey_map_intro="Choose a department to see its steps highlighted along every journey it takes part in.",
    active_in="active in",
    touchpoints_by_stage="Channels by stage",
    touchpoints_by_stage_intro="Steps using each touchpoint, per stage, grouped by channel: where the journey meets the customer.",
    stage_share="{number}. {name} ({count} of {total} steps)",
    serve_errors="The last edit left {count} error(s) in the journeys; until they are fixed, these pages show the last version that built.",
    diagram_simplified="This diagram is too large to draw in full, so it shows the stages only; the tables below list every step.",
)

PORTUGUESE = Labels(
    journeys="Jornadas",
    journey="Jornada",
    journey_map="Mapa das jornadas",
    stages="Etapas",
    stage="Etapa",
    steps="Passos",
    step="Passo",
    milestones="Marcos de sucesso",
    milestone="Marco de sucesso",
    departments="Áreas",
    department="Área",
    touchpoints="Pontos de contato",
    touchpoint="Ponto de contato",
    personas="Personas",
    persona="Persona",
    phases="Fases do ciclo de vida",
    phase="Fase",
    success="Sucesso",
    owner="Responsável",
    owner_mark="responsável",
    size="Tamanho",
    goal="Objetivo",
    kpis="Indicadores",
    flow="Fluxo",
    experience="Experiência",
    scores=("frustrado", "insatisfeito", "neutro", "satisfeito", "encantado"),
    backstage="Bastidores",
    pain_points="Pontos de dor",
    opportunities="Oportunidades",
    next_steps="Próximos",
    previous_steps="Vem de",
    end_of_path="fim do caminho",
    value="Valor para o cliente",
    signal="Sinal",
    target="Meta",
    when_stuck="Quando o cliente não avança",
    previous_stage="Etapa anterior",
    next_stage="Próxima etapa",
    stage_of="etapa {number} de {total}",
    departments_by_stage="Áreas por etapa",
    departments_by_stage_intro="Passos de que cada área participa, por etapa; em negrito quando é responsável por ao menos um.",
    departments_by_journey="Áreas por jornada",
    departments_by_journey_intro="Passos de que cada área participa, por jornada; em negrito quando é responsável por ao menos um.",
    matrix_legend="Colunas:",
    handovers="Passagens de bastão",
    from_department="De",
    at_step="No passo",
    to_department="Para",
    next_step="Passo seguinte",
    receives_from="Recebe o cliente de",
    hands_over_to="Passa o cliente para",
    handover_at="Onde",
    lead="Liderança",
    contact="Contato",
    reviewers="Revisores",
    department_summary="Participa de {steps} passos em {journeys} jornadas e é responsável por {owned} deles.",
    work="Atividade",
    systems="Sistemas",
    touchpoints_owned="Pontos de contato sob sua responsabilidade",
    milestones_owned="Marcos sob sua responsabilidade",
    channel="Canal",
    no_channel="Outros",
    used_in="Usado em",
    not_used="Ainda não usado por nenhuma jornada.",
    all_touchpoints="Todos os pontos de contato",
    all_personas="Todas as personas",
    success_in_their_eyes="Sucesso aos olhos do cliente",
    evidence="Evidências",
    milestones_intro="O sucesso do cliente dividido em marcos que ele percebe, com o que fazer quando o cliente não chega lá.",
    phases_intro="O ciclo de vida do cliente, de quem ainda não nos conhece até quem vai embora, e as etapas de cada jornada em cada fase.",
    no_journeys="Ainda não há jornadas.",
    no_departments="Ainda não há áreas.",
    no_touchpoints="Ainda não há pontos de contato.",
    no_personas="Ainda não há personas.",
    stage_flow_title="Etapas de {name}",
    stage_flow_description="As etapas em ordem, setas pontilhadas saltam entre etapas ou para outras jornadas.",
    step_flow_title="Passos de {name}",
    step_flow_description="Os passos em ordem, setas pontilhadas levam a outras etapas e jornadas ou vêm delas.",
    diagram_part="Parte {part} de {parts}: passos {first} a {last}.",
    diagram_split_note="Esta etapa é longa, por isso o fluxo é desenhado em partes; cada passo está descrito abaixo.",
    experience_title="Experiência ao longo de {name}",
    experience_description="Como o cliente se sente em cada passo, de 1 (frustrado) a 5 (encantado).",
    experience_averaged="A curva mostra a média por etapa ({count} passos avaliados); a nota de cada passo está na página da etapa.",
    average="Média",
    department_map_title="{department} em {journey}",
    department_map_description="A jornada com os passos desta área destacados e os demais agrupados.",
    folded_stage="{name} ({count} passos)",
    folded_steps="{count} outros passos",
    folded_step="1 outro passo",
    more_steps="mais {count} passos",
    all_departments="Todas as áreas",
    journey_map_intro="Escolha uma área para ver seus passos destacados em cada jornada de que participa.",
    active_in="atua em",
    touchpoints_by_stage="Canais por etapa",
    touchpoints_by_stage_intro="Passos que usam cada ponto de contato, por etapa, agrupados por canal: onde a jornada encontra o cliente.",
    stage_share="{number}. {name} ({count} de {total} passos)",
    serve_errors="A última edição deixou {count} erro(s) nas jornadas; até serem corrigidos, estas páginas mostram a última versão que funcionou.",
    diagram_simplified="Este diagrama é grande demais para ser desenhado por inteiro, por isso mostra só as etapas; as tabelas abaixo listam cada passo.",
)

LANGUAGES = {"en": ENGLISH, "pt-BR": PORTUGUESE}


def labels_for(language: str | None) -> Labels:
    """The labels of a language code ('pt-BR', 'pt', 'en', ...), English when unknown."""
    if not language:
        return ENGLISH
    if language in LANGUAGES:
        return LANGUAGES[language]
    if language.lower().replace("_", "-").startswith("pt"):
        return PORTUGUESE
    return ENGLISH
