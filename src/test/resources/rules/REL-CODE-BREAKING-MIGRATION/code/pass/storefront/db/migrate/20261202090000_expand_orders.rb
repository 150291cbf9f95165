# Expand only: nullable or defaulted columns, backfilled; the old columns are dropped in a later
# release, once the model lists them in ignored_columns.
class ExpandOrders < ActiveRecord::Migration[7.1]
  def change
    add_column :orders, :remarks, :text
    add_column :orders, :currency, :string, null: false, default: "EUR"
    add_index :orders, :remarks

    change_table :customers do |t|
      t.string :postal_code
      t.boolean :vip, null: false, default: false
    end

    create_table :order_events do |t|
      t.string :kind, null: false
      t.timestamps
    end
    rename_table :order_events, :order_histories

    up_only { execute "UPDATE orders SET remarks = note" }
  end

  def down
    remove_column :orders, :remarks
  end
end
