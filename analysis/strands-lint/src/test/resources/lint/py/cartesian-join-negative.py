import os

keyed = orders.join(customers, "customer_id")
on_cond = orders.join(customers, orders.customer_id == customers.id, "left")
label = ", ".join(names)
full = os.path.join(base, "sales")
