# The contract step ships with the code that stops using the columns: the release still running
# reads them until every instance has been replaced.
class ContractOrders < ActiveRecord::Migration[7.1]
  def change
    remove_column :orders, :legacy_ref, :string # relplan:finding
    rename_column :orders, :note, :remarks # relplan:finding
    add_column :orders, :channel, :string, null: false # relplan:finding
    add_column :orders, :currency, :string, null: false, default: "EUR"
    change_column_null :orders, :customer_id, false, 0 # relplan:finding

    change_table :customers do |t|
      t.remove :fax # relplan:finding
      t.rename :zip, :postal_code # relplan:finding
      t.string :email
    end

    create_table :order_events do |t|
      t.string :kind, null: false
    end

    reversible do |dir|
      dir.down { drop_table :order_snapshots }
    end
  end

  def down
    drop_table :orders
  end
end
