-- The supervision assessment reads a street's orders reported or rated in a quarter (repairFiguresFor): with the
-- street leading, each window is an index range instead of a pass over every street's orders.
create index rep_orders_street_reported on rep_orders (street_id, reported_at);
create index rep_orders_street_rated on rep_orders (street_id, rated_at) where rated_at is not null;
