CREATE TABLE "aggregate_versions" (
	"name" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "picture_school_years" (
	"school_number" text NOT NULL,
	"academic_year" integer NOT NULL,
	"la_code" text,
	"sector" text,
	"themes" text[] NOT NULL,
	"national_priorities" text[] NOT NULL,
	"collaboratives" text[] NOT NULL,
	CONSTRAINT "picture_school_years_school_number_academic_year_pk" PRIMARY KEY("school_number","academic_year")
);
--> statement-breakpoint
-- One school's contribution to the national picture, recomputed from its shares and priorities
-- (the same rule the picture has always counted by), then the picture's counter raised.
CREATE FUNCTION picture_refresh_schools(numbers text[]) RETURNS void AS $$
BEGIN
  IF coalesce(cardinality(numbers), 0) = 0 THEN RETURN; END IF;
  DELETE FROM picture_school_years WHERE school_number = ANY(numbers);
  INSERT INTO picture_school_years (school_number, academic_year, la_code, sector, themes, national_priorities, collaboratives)
  WITH counted AS (
    SELECT p.school_number, cy.academic_year AS year, coalesce(p.nif_theme, 'none') AS theme, p.national_priorities AS nps
    FROM priorities p JOIN cycles cy ON cy.id = p.cycle_id
    WHERE p.school_number = ANY(numbers) AND p.state <> 'draft'
      AND EXISTS (SELECT 1 FROM shares sh WHERE sh.item_type = 'priority' AND sh.item_id = p.id::text AND sh.audience IN ('national', 'public'))),
  per_school AS (
    SELECT c.school_number, c.year, array_agg(DISTINCT c.theme ORDER BY c.theme) AS themes,
      coalesce(array_agg(DISTINCT n.code ORDER BY n.code) FILTER (WHERE n.code IS NOT NULL), '{}') AS nps
    FROM counted c LEFT JOIN LATERAL unnest(c.nps) AS n(code) ON true
    GROUP BY c.school_number, c.year)
  SELECT ps.school_number, ps.year, s.la_code, s.sector, ps.themes, ps.nps, coalesce(m.ids, '{}')
  FROM per_school ps
  JOIN schools s ON s.number = ps.school_number
  LEFT JOIN LATERAL (
    SELECT array_agg(cm.collaborative_id::text ORDER BY cm.collaborative_id) AS ids
    FROM collaborative_members cm JOIN collaboratives co ON co.id = cm.collaborative_id
    WHERE cm.school_number = ps.school_number AND co.status <> 'closed') m ON true;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION aggregate_bump(names text[]) RETURNS void AS $$
  -- In name order, so two transactions raising the same counters never wait on each other in a circle.
  INSERT INTO aggregate_versions (name, version)
  SELECT DISTINCT n, 1 FROM unnest(names) AS n WHERE n IS NOT NULL ORDER BY n
  ON CONFLICT (name) DO UPDATE SET version = aggregate_versions.version + 1;
$$ LANGUAGE sql;
--> statement-breakpoint
-- What a change touched: schools whose national contribution is recomputed (`to_recount`), schools
-- whose LA's heatmap is stale (`to_show`), and whether every LA's is (`everywhere`: collaboratives
-- cross LAs). `picture` says the national picture changed even with no school to recompute.
CREATE FUNCTION aggregates_changed(to_recount text[], to_show text[], everywhere boolean, picture boolean) RETURNS void AS $$
DECLARE
  names text[] := '{}';
BEGIN
  IF coalesce(cardinality(to_recount), 0) > 0 THEN
    PERFORM picture_refresh_schools(to_recount);
    picture := true;
  END IF;
  IF picture THEN names := names || 'national-picture'::text; END IF;
  IF coalesce(cardinality(to_show), 0) > 0 THEN
    names := names || array(SELECT DISTINCT 'la-picture:' || s.la_code FROM schools s WHERE s.number = ANY(to_show) AND s.la_code IS NOT NULL);
    everywhere := everywhere OR EXISTS (SELECT 1 FROM collaborative_members cm WHERE cm.school_number = ANY(to_show));
  END IF;
  IF everywhere THEN names := names || 'la-picture'::text; END IF;
  IF cardinality(names) > 0 THEN PERFORM aggregate_bump(names); END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION aggregates_on_shares() RETURNS trigger AS $$
DECLARE
  to_recount text[]; to_show text[]; everywhere boolean;
BEGIN
  -- Each statement names only the transition tables its event has.
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT r.school_number) FILTER (WHERE r.audience IN ('national', 'public')),
      array_agg(DISTINCT r.school_number) FILTER (WHERE r.audience = 'la'), coalesce(bool_or(r.audience = 'collaborative'), false)
      INTO to_recount, to_show, everywhere FROM new_rows r WHERE r.item_type = 'priority';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT r.school_number) FILTER (WHERE r.audience IN ('national', 'public')),
      array_agg(DISTINCT r.school_number) FILTER (WHERE r.audience = 'la'), coalesce(bool_or(r.audience = 'collaborative'), false)
      INTO to_recount, to_show, everywhere FROM old_rows r WHERE r.item_type = 'priority';
  ELSE
    SELECT array_agg(DISTINCT r.school_number) FILTER (WHERE r.audience IN ('national', 'public')),
      array_agg(DISTINCT r.school_number) FILTER (WHERE r.audience = 'la'), coalesce(bool_or(r.audience = 'collaborative'), false)
      INTO to_recount, to_show, everywhere
      FROM (SELECT n.item_type, n.school_number, n.audience FROM new_rows n UNION ALL SELECT o.item_type, o.school_number, o.audience FROM old_rows o) r
      WHERE r.item_type = 'priority';
  END IF;
  PERFORM aggregates_changed(to_recount, to_show, everywhere, false);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER shares_aggregates_insert AFTER INSERT ON "shares" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_shares();
--> statement-breakpoint
CREATE TRIGGER shares_aggregates_update AFTER UPDATE ON "shares" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_shares();
--> statement-breakpoint
CREATE TRIGGER shares_aggregates_delete AFTER DELETE ON "shares" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_shares();
--> statement-breakpoint
-- A priority counts through its shares; only a change to what it is counted by (state, theme,
-- national priorities, cycle) matters, and only for a priority shared beyond its school.
CREATE FUNCTION aggregates_on_priorities() RETURNS trigger AS $$
DECLARE
  to_recount text[]; to_show text[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- A deleted priority's shares may already be gone: its school is recomputed if it counted at all.
    to_recount := array(SELECT DISTINCT o.school_number FROM old_rows o
      WHERE EXISTS (SELECT 1 FROM picture_school_years ps WHERE ps.school_number = o.school_number));
    to_show := array(SELECT DISTINCT o.school_number FROM old_rows o);
  ELSE
    WITH changed AS (
      SELECT o.id, o.school_number, n.school_number AS new_school FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.state, o.nif_theme, o.national_priorities, o.cycle_id, o.school_number)
        IS DISTINCT FROM (n.state, n.nif_theme, n.national_priorities, n.cycle_id, n.school_number)),
    touched AS (SELECT c.id, c.school_number FROM changed c UNION SELECT c.id, c.new_school FROM changed c)
    SELECT array_agg(DISTINCT c.school_number) FILTER (WHERE sh.audience IN ('national', 'public')),
      array_agg(DISTINCT c.school_number) FILTER (WHERE sh.audience IN ('la', 'collaborative'))
      INTO to_recount, to_show
    FROM touched c JOIN shares sh ON sh.item_type = 'priority' AND sh.item_id = c.id::text;
  END IF;
  PERFORM aggregates_changed(to_recount, to_show, false, false);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER priorities_aggregates_update AFTER UPDATE ON "priorities" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_priorities();
--> statement-breakpoint
CREATE TRIGGER priorities_aggregates_delete AFTER DELETE ON "priorities" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_priorities();
--> statement-breakpoint
-- A cycle moving year, a school moving LA or phase (or leaving the directory): its schools again.
CREATE FUNCTION aggregates_on_school_rows() RETURNS trigger AS $$
DECLARE
  numbers text[];
BEGIN
  IF TG_TABLE_NAME = 'cycles' THEN
    numbers := array(SELECT DISTINCT o.school_number FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id
      WHERE n.id IS NULL OR (o.academic_year, o.school_number) IS DISTINCT FROM (n.academic_year, n.school_number)
      UNION SELECT n.school_number FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.school_number <> n.school_number);
  ELSE
    numbers := array(SELECT o.number FROM old_rows o LEFT JOIN new_rows n ON n.number = o.number
      WHERE n.number IS NULL OR (o.la_code, o.sector) IS DISTINCT FROM (n.la_code, n.sector));
  END IF;
  IF cardinality(numbers) = 0 THEN RETURN NULL; END IF;
  PERFORM aggregates_changed(numbers, numbers, TG_TABLE_NAME = 'schools', false);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION aggregates_on_deleted_school_rows() RETURNS trigger AS $$
BEGIN
  PERFORM aggregates_changed(array(SELECT DISTINCT o.school_number FROM old_rows o), array(SELECT DISTINCT o.school_number FROM old_rows o), true, false);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cycles_aggregates_update AFTER UPDATE ON "cycles" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_school_rows();
--> statement-breakpoint
CREATE TRIGGER cycles_aggregates_delete AFTER DELETE ON "cycles" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_deleted_school_rows();
--> statement-breakpoint
CREATE TRIGGER schools_aggregates_update AFTER UPDATE ON "schools" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_school_rows();
--> statement-breakpoint
-- Membership: the member's contribution (its collaboratives) and every collaborative's members.
CREATE FUNCTION aggregates_on_members() RETURNS trigger AS $$
DECLARE
  numbers text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    numbers := array(SELECT DISTINCT n.school_number FROM new_rows n);
  ELSIF TG_OP = 'DELETE' THEN
    numbers := array(SELECT DISTINCT o.school_number FROM old_rows o);
  ELSE
    numbers := array(SELECT n.school_number FROM new_rows n UNION SELECT o.school_number FROM old_rows o);
  END IF;
  PERFORM aggregates_changed(array(SELECT DISTINCT number FROM unnest(numbers) AS number
    WHERE EXISTS (SELECT 1 FROM picture_school_years ps WHERE ps.school_number = number)), '{}', true, true);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER collaborative_members_aggregates_insert AFTER INSERT ON "collaborative_members" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_members();
--> statement-breakpoint
CREATE TRIGGER collaborative_members_aggregates_update AFTER UPDATE ON "collaborative_members" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_members();
--> statement-breakpoint
CREATE TRIGGER collaborative_members_aggregates_delete AFTER DELETE ON "collaborative_members" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_members();
--> statement-breakpoint
-- A collaborative closing or reopening changes its members' contributions; any change to one
-- changes the picture's list of collaboratives and who can see what in every LA.
CREATE FUNCTION aggregates_on_collaboratives() RETURNS trigger AS $$
BEGIN
  PERFORM aggregates_changed(array(
    SELECT DISTINCT cm.school_number FROM old_rows o JOIN new_rows n ON n.id = o.id
    JOIN collaborative_members cm ON cm.collaborative_id = n.id
    WHERE o.status IS DISTINCT FROM n.status), '{}', true, true);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER collaboratives_aggregates_update AFTER UPDATE ON "collaboratives" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_collaboratives();
--> statement-breakpoint
CREATE FUNCTION aggregates_on_any_change() RETURNS trigger AS $$
BEGIN
  PERFORM aggregate_bump(TG_ARGV::text[]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER collaboratives_aggregates_insert_delete AFTER INSERT OR DELETE ON "collaboratives"
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_any_change('national-picture', 'la-picture');
--> statement-breakpoint
CREATE TRIGGER collaborative_facilitators_aggregates AFTER INSERT OR UPDATE OR DELETE ON "collaborative_facilitators"
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_any_change('la-picture');
--> statement-breakpoint
CREATE TRIGGER role_assignments_aggregates AFTER INSERT OR UPDATE OR DELETE ON "role_assignments"
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_any_change('la-picture');
--> statement-breakpoint
CREATE TRIGGER national_priorities_aggregates AFTER INSERT OR UPDATE OR DELETE ON "national_priorities"
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_any_change('national-picture');
--> statement-breakpoint
CREATE TRIGGER local_authorities_aggregates AFTER INSERT OR UPDATE OR DELETE ON "local_authorities"
  FOR EACH STATEMENT EXECUTE FUNCTION aggregates_on_any_change('national-picture');
--> statement-breakpoint
INSERT INTO aggregate_versions (name, version) VALUES ('national-picture', 1), ('la-picture', 1);
--> statement-breakpoint
SELECT picture_refresh_schools(array(SELECT number FROM schools));
